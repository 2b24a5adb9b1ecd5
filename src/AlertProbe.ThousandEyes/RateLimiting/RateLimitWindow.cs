namespace AlertProbe.ThousandEyes.RateLimiting;

/// <summary>One rate-limit window as the last response reported it.</summary>
/// <param name="Limit">Requests allowed per window.</param>
/// <param name="Remaining">Requests left in the current window.</param>
/// <param name="Reset">When the window rolls over (the header is UTC epoch seconds).</param>
public sealed record RateLimitWindow(int Limit, int Remaining, DateTimeOffset Reset)
{
    public bool IsExhausted => Remaining <= 0;
}
