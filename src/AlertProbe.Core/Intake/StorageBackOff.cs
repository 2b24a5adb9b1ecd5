using Azure;

namespace AlertProbe.Core.Intake;

/// <summary>How the intake waits out storage that fails after the SDK's own retries.</summary>
internal static class StorageBackOff
{
    /// <summary>The first wait, and the shortest.</summary>
    public static readonly TimeSpan First = TimeSpan.FromSeconds(10);

    /// <summary>The longest wait between two tries.</summary>
    public static readonly TimeSpan Longest = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The wait after storage has failed for <paramref name="failingFor"/>: as long again (so the waits double from
    /// <see cref="First"/>), capped at <see cref="Longest"/>.
    /// </summary>
    public static TimeSpan After(TimeSpan failingFor) =>
        failingFor < First ? First : failingFor > Longest ? Longest : failingFor;

    /// <summary>
    /// Storage unreachable or overloaded (no answer, 408, 429, 500, 502, 503, 504): worth waiting for. Anything else (403 a
    /// wrong key, 404 a missing table, 400) will not pass by waiting and is left to the host (abandon, then dead-letter).
    /// </summary>
    public static bool IsUnavailable(RequestFailedException exception) =>
        exception.Status is 0 or 408 or 429 or 500 or 502 or 503 or 504;
}
