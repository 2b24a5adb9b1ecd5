namespace AlertProbe.Core.Messages;

/// <summary>
/// Names of the Service Bus application properties AlertProbe sets, so topic subscriptions can filter with SQL
/// rules (e.g. <c>collect = TRUE</c>, <c>severity IN ('critical','error')</c>). Renaming one breaks deployed rules.
/// </summary>
public static class MessageProperties
{
    public const string SchemaVersion = "schemaVersion";
    public const string TestType = "testType";
    public const string Source = "source";
    public const string Severity = "severity";

    /// <summary>bool: the follow-up asks for result collection.</summary>
    public const string Collect = "collect";

    /// <summary>bool: another rerun is due after this run (false on the last run, so the rerun subscription stops).</summary>
    public const string Rerun = "rerun";

    /// <summary>int: the run number (0 = the creating run).</summary>
    public const string Run = "run";

    /// <summary>string: the overall verdict (results only).</summary>
    public const string Verdict = "verdict";

    /// <summary>int: how many times this alert message has been rescheduled.</summary>
    public const string RescheduleCount = "rescheduleCount";

    /// <summary>string: why the message was last rescheduled ("RateLimited", "NotReady", …).</summary>
    public const string RescheduleReason = "rescheduleReason";

    /// <summary>string: the message id of the first delivery, kept across reschedules (idempotency is keyed on it).</summary>
    public const string OriginalMessageId = "originalMessageId";

    /// <summary>string: W3C <c>traceparent</c> of the span that sent the message, so its handler continues the alert's trace.</summary>
    public const string TraceParent = "traceparent";

    /// <summary>string: W3C <c>tracestate</c> that goes with <see cref="TraceParent"/> (only when not empty).</summary>
    public const string TraceState = "tracestate";

    /// <summary>
    /// DateTimeOffset (an ISO 8601 string is read too): when the alert message first reached the <c>alerts</c> queue. Rescheduled copies
    /// carry it (their own EnqueuedTime is the copy's), so the intake names a test the same on every copy and
    /// redelivery; carried on to the verdict (alert-to-verdict time).
    /// </summary>
    public const string AlertReceivedAt = "alertReceivedAt";

    /// <summary>string (ISO 8601): the rate-budget window a rescheduled copy has a slot booked in (absent: none).</summary>
    public const string BudgetBooking = "budgetBooking";

    /// <summary>
    /// DateTimeOffset: since when storage has been failing this message's handling (its copies keep it while the failure
    /// lasts): the intake backs off from it and gives up after <c>Intake:StorageRetryFor</c>.
    /// </summary>
    public const string StorageFailingSince = "storageFailingSince";

    /// <summary>
    /// string (JSON): a test this message's earlier delivery created but could not record or settle (storage failed both
    /// recording it and completing its claim, or publishing failed after that): the copy settles it instead of creating
    /// it again. Internal to the intake; its shape may change between versions of AlertProbe.
    /// </summary>
    public const string CarriedCreation = "carriedCreation";

    /// <summary>A time property as a message carries it (a DateTimeOffset, a DateTime, or an ISO 8601 string); null when absent or unreadable.</summary>
    public static DateTimeOffset? ReadTime(IReadOnlyDictionary<string, object> properties, string name)
    {
        ArgumentNullException.ThrowIfNull(properties);
        if (!properties.TryGetValue(name, out var value))
        {
            return null;
        }

        return value switch
        {
            DateTimeOffset at => at,
            DateTime at => new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc)),
            string text when DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var at) => at,
            _ => null,
        };
    }
}
