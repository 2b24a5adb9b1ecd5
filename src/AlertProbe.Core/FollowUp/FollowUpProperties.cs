namespace AlertProbe.Core.FollowUp;

/// <summary>
/// Application properties the follow-up adds to the copies it schedules on the <c>instant-tests</c> topic, besides
/// the contract's own (<see cref="Messages.MessageProperties"/>: <c>collect</c>, <c>rerun</c>, <c>run</c>).
/// </summary>
public static class FollowUpProperties
{
    /// <summary>int: how many times collection of this run has been re-checked (0 on the original message).</summary>
    public const string CollectAttempt = "collectAttempt";

    /// <summary>int: how many times delivery of this run's verdict has been retried (0 on the original message).</summary>
    public const string DeliveryAttempt = "deliveryAttempt";

    /// <summary>int: how many times a due rerun has been put off (rate budget spent, 429).</summary>
    public const string RerunAttempt = "rerunAttempt";

    /// <summary>
    /// bool: the run of this due rerun is already recorded in the ledger by the attempt that scheduled this copy, and
    /// ThousandEyes has certainly not run it yet (budget spent or 429 after recording). Only the copy's first delivery
    /// may call rerun.
    /// </summary>
    public const string RerunClaimed = "rerunClaimed";
}

/// <summary>Subjects of the follow-up's own messages on the <c>instant-tests</c> topic.</summary>
public static class FollowUpSubjects
{
    /// <summary>A rerun is due: the body is the <see cref="Messages.InstantTestCreated"/> of the previous run.</summary>
    public const string RerunDue = "RerunDue";
}
