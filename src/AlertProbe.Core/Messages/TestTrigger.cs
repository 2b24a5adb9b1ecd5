using AlertProbe.Core.Alerts;

namespace AlertProbe.Core.Messages;

/// <summary>What caused a test: the alert, the rule that matched it, and the message it arrived in.</summary>
public sealed record TestTrigger
{
    public required AlertSource Source { get; init; }

    public required string AlertId { get; init; }

    /// <summary>The rule that produced the plan ("manual" for manual requests).</summary>
    public required string Rule { get; init; }

    public required AlertSeverity Severity { get; init; }

    /// <summary>The Service Bus message id of the alert message (its first delivery, before any reschedule).</summary>
    public required string OriginalMessageId { get; init; }

    /// <summary>Carried as the Service Bus <c>CorrelationId</c> of every message this alert leads to.</summary>
    public required string CorrelationId { get; init; }
}
