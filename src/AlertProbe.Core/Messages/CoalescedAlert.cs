using AlertProbe.Core.Alerts;

namespace AlertProbe.Core.Messages;

/// <summary>
/// An alert that got no test of its own because another alert's test for the same key was pending (being created, or
/// waiting for the rate budget): it completed at once and rides on that test's <see cref="InstantTestCreated"/>.
/// </summary>
public sealed record CoalescedAlert
{
    public required AlertSource Source { get; init; }

    public required string AlertId { get; init; }

    public required AlertSeverity Severity { get; init; }

    /// <summary>The Service Bus message id of the alert message (its first delivery).</summary>
    public required string OriginalMessageId { get; init; }

    public string? CorrelationId { get; init; }

    /// <summary>When it was coalesced onto the pending test.</summary>
    public required DateTimeOffset CoalescedAt { get; init; }

    /// <summary>
    /// (1.2) When the alert's message first reached the alerts queue, if known. An alert that arrived inside a test's cooldown
    /// window coalesces onto that test even when it is handled after the window (it waited out a storage outage, say).
    /// </summary>
    public DateTimeOffset? ReceivedAt { get; init; }

    /// <summary>Where this alert's request wanted its answer, if it gave an address.</summary>
    public ReplyAddress? ReplyTo { get; init; }

    /// <summary>
    /// (1.3) The records of this alert's own tool (its PagerDuty incident, ServiceNow record, Grafana panel, Jira issue)
    /// the run's verdict is written back to, as for the trigger's <see cref="InstantTestCreated.WriteBack"/>; empty when
    /// none, or in a message written before 1.3.
    /// </summary>
    public IReadOnlyList<WriteBackTarget> WriteBack
    {
        get => _writeBack;
        // The source-generated reader sets a property absent from the JSON to null, not to its initializer.
        init => _writeBack = value ?? [];
    }

    private readonly IReadOnlyList<WriteBackTarget> _writeBack = [];
}
