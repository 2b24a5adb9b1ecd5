using AlertProbe.Core.Outcomes;
namespace AlertProbe.Core.Intake;

/// <summary>What became of one planned test during intake.</summary>
public abstract record PlanResult
{
    private PlanResult()
    {
    }

    /// <summary>The test was created now (or earlier, and now republished) and published.</summary>
    public sealed record Created(string TestId, bool Republished) : PlanResult;

    /// <summary>An earlier delivery of this message already created and published it.</summary>
    public sealed record AlreadyDone(string TestId) : PlanResult;

    /// <summary>
    /// Another alert already has a test for the same key in this cooldown window; <paramref name="TestId"/> is null
    /// while that test is pending (being created or waiting for the budget): this alert rides on it when it is published.
    /// </summary>
    public sealed record Coalesced(string? TestId, string Key) : PlanResult;

    /// <summary>
    /// Bad input for this plan: nothing was created. <see cref="Attached"/>: alerts of other messages that were coalesced
    /// onto this plan's pending claim and are refused with it.
    /// </summary>
    public sealed record Rejected(Rejection Rejection) : PlanResult
    {
        public IReadOnlyList<Messages.CoalescedAlert> Attached { get; init; } = [];
    }

    /// <summary>Not now: try again at <paramref name="At"/> (rate budget, or another instance holds the lease).</summary>
    public sealed record NotYet(DateTimeOffset At, string Reason) : PlanResult
    {
        /// <summary>The rate-budget window a slot was booked in for the copy (it takes that slot when it comes back).</summary>
        public DateTimeOffset? BudgetBooking { get; init; }
    }

    /// <summary>
    /// Created now, but neither recorded nor settled (storage failed twice, or publishing failed while unrecorded): the
    /// message's copy must carry <paramref name="Carried"/> and settle it; <paramref name="Reason"/> says what failed.
    /// </summary>
    public sealed record CreatedUnsettled(CarriedCreation Carried, string Reason) : PlanResult;

    /// <summary>A transient or credential failure: the message should be redelivered.</summary>
    public sealed record Failed(string Error) : PlanResult;
}
