namespace AlertProbe.Core.RateLimiting;

/// <summary>The budget as stored now: the effective limit, calls used in the window, and when it resets.</summary>
public sealed record RateBudgetSnapshot(int Limit, int Used, DateTimeOffset ResetAt, DateTimeOffset? RateLimitedUntil);
