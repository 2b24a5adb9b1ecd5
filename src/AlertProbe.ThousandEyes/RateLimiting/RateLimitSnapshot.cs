namespace AlertProbe.ThousandEyes.RateLimiting;

/// <summary>
/// The rate-limit state ThousandEyes last reported: one window per family, null when that family's headers have
/// not been seen. The limit is per organisation, so scaled-out callers feed this into a shared budget.
/// </summary>
public sealed record RateLimitSnapshot
{
    public static RateLimitSnapshot Empty { get; } = new();

    public RateLimitWindow? Organization { get; init; }

    public RateLimitWindow? InstantTest { get; init; }

    /// <summary>When the headers were read (by the client's <see cref="TimeProvider"/>).</summary>
    public DateTimeOffset? ObservedAt { get; init; }

    public RateLimitWindow? For(RateLimitFamily family) =>
        family == RateLimitFamily.InstantTest ? InstantTest : Organization;

    /// <summary>This snapshot with the windows <paramref name="newer"/> carries replacing ours.</summary>
    public RateLimitSnapshot MergeWith(RateLimitSnapshot newer)
    {
        ArgumentNullException.ThrowIfNull(newer);
        return new RateLimitSnapshot
        {
            Organization = newer.Organization ?? Organization,
            InstantTest = newer.InstantTest ?? InstantTest,
            ObservedAt = newer.ObservedAt ?? ObservedAt,
        };
    }
}
