namespace AlertProbe.Simulator.RateLimiting;

/// <summary>The outcome of counting one call against a window, with what the rate-limit headers report.</summary>
internal readonly record struct RateLimitDecision(bool Allowed, int Limit, int Remaining, DateTimeOffset ResetAt)
{
    /// <summary>UTC epoch seconds of the roll-over, rounded up so waiting until it always suffices.</summary>
    public long ResetEpochSeconds => (ResetAt.ToUnixTimeMilliseconds() + 999) / 1000;

    public int RetryAfterSeconds(DateTimeOffset now) =>
        Math.Max(1, (int)Math.Ceiling((ResetAt - now).TotalSeconds));
}
