using System.Text.Json.Serialization;

namespace AlertProbe.Core.Messages;

/// <summary>Rerun a test <see cref="Count"/> more times, <see cref="Interval"/> apart.</summary>
public sealed record RerunInstructions
{
    public required int Count { get; init; }

    /// <summary>Written as an ISO 8601 duration ("PT5M"), the format every other language reads.</summary>
    [JsonConverter(typeof(Iso8601DurationJsonConverter))]
    public required TimeSpan Interval { get; init; }

    /// <summary>Stop rerunning once the originating alert has resolved.</summary>
    public bool StopWhenResolved { get; init; } = true;
}
