namespace AlertProbe.Core.RateLimiting;

/// <summary>The answer to "may I create an instant test now?".</summary>
public abstract record RateBudgetDecision
{
    private RateBudgetDecision()
    {
    }

    /// <summary>Go: one call was taken from the window; <paramref name="Remaining"/> are left for this severity.</summary>
    public sealed record Acquired(int Remaining, DateTimeOffset ResetAt) : RateBudgetDecision;

    /// <summary>Not now: schedule the work for <paramref name="RetryAt"/>.</summary>
    public sealed record Exhausted(DateTimeOffset RetryAt, RateBudgetExhaustion Reason) : RateBudgetDecision
    {
        /// <summary>
        /// With <see cref="RateBudget.TryAcquireOrBookAsync"/>: the window a slot was booked in (pass it back when the copy
        /// comes at <see cref="RetryAt"/>); null when nothing was booked.
        /// </summary>
        public DateTimeOffset? Booking { get; init; }
    }
}

public enum RateBudgetExhaustion
{
    /// <summary>The window's calls are used up.</summary>
    WindowUsed,

    /// <summary>Only the part reserved for Error/Critical alerts is left.</summary>
    ReservedForHigherSeverity,

    /// <summary>The API answered 429; waiting until the instant it named.</summary>
    RateLimitedByApi,

    /// <summary>Too many instances raced for the budget at once; try again in a moment.</summary>
    Contention,
}
