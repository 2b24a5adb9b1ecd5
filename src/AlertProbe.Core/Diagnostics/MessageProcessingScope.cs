using System.Diagnostics;
using AlertProbe.Core.Outcomes;
using Azure.Messaging.ServiceBus;

namespace AlertProbe.Core.Diagnostics;

/// <summary>
/// The handling of one received message: a consumer span (<c>intake</c>, <c>collect</c>, <c>rerun</c>) whose parent
/// is the trace context the message carries, and the alert's receipt time for what the handler sends. The Functions'
/// settler and the CLI's in-process queue open one around each handler call, and report the outcome with
/// <see cref="Settled"/>.
/// </summary>
/// <remarks>
/// The parent is the message's <c>traceparent</c>, not the host's invocation span, so every function and scheduled
/// copy joins the alert's one trace; the invocation span (when there is one) is kept as a link. A message without
/// trace context (dropped by a Logic App, <c>alertprobe send</c>, Service Bus Explorer) starts its own trace.
/// </remarks>
public sealed class MessageProcessingScope : IDisposable
{
    private readonly DateTimeOffset? _previousReceivedAt;
    private bool _disposed;

    private MessageProcessingScope(Activity? activity, DateTimeOffset? previousReceivedAt)
    {
        Activity = activity;
        _previousReceivedAt = previousReceivedAt;
    }

    /// <summary>The consumer span; null when nothing listens to <see cref="AlertProbeTelemetry.Name"/>.</summary>
    public Activity? Activity { get; }

    /// <param name="operation">A <see cref="SpanNames"/> consumer name: intake, collect or rerun.</param>
    /// <param name="entity">The queue or topic/subscription the message came from.</param>
    public static MessageProcessingScope Start(string operation, string entity, ServiceBusReceivedMessage message)
    {
        ArgumentException.ThrowIfNullOrEmpty(operation);
        ArgumentNullException.ThrowIfNull(message);
        var previous = MessageTraceContext.AlertReceivedAt;
        MessageTraceContext.AlertReceivedAt = MessageTraceContext.ReadAlertReceivedAt(message.ApplicationProperties)
            ?? (operation == SpanNames.Intake && message.EnqueuedTime != default ? message.EnqueuedTime : null);

        var invocation = Activity.Current;
        var hasParent = MessageTraceContext.TryExtract(message.ApplicationProperties, out var carried);
        var parent = hasParent ? carried : invocation?.Context ?? default;
        IEnumerable<ActivityLink>? links = hasParent && invocation is not null ? [new ActivityLink(invocation.Context)] : null;
        var activity = AlertProbeTelemetry.Source.StartActivity(operation, ActivityKind.Consumer, parent, tags: null, links);
        if (activity is not null)
        {
            activity.SetTag(SpanTags.MessagingSystem, "servicebus");
            activity.SetTag(SpanTags.MessagingOperation, "process");
            activity.SetTag(SpanTags.Destination, entity);
            activity.SetTag(SpanTags.MessageId, message.MessageId);
            activity.SetTag(SpanTags.ConversationId, message.CorrelationId);
            activity.SetTag(SpanTags.DeliveryCount, message.DeliveryCount);
            activity.SetTag(SpanTags.Subject, message.Subject);
        }

        return new MessageProcessingScope(activity, previous);
    }

    /// <summary>Records how the message was settled: span status and outcome, and the dead-letter count by reason.</summary>
    public void Settled(string function, IntakeOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        switch (outcome)
        {
            case IntakeOutcome.Completed completed:
                Activity?.SetTag(SpanTags.Outcome, "completed");
                Activity?.SetTag(SpanTags.Reason, completed.Reason);
                break;
            case IntakeOutcome.Rescheduled rescheduled:
                Activity?.SetTag(SpanTags.Outcome, "rescheduled");
                Activity?.SetTag(SpanTags.Reason, rescheduled.Reason);
                Activity?.SetTag(SpanTags.ScheduledFor, rescheduled.At.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
                break;
            case IntakeOutcome.DeadLettered deadLettered:
                Activity?.SetTag(SpanTags.Outcome, "deadLettered");
                Activity?.SetTag(SpanTags.Reason, deadLettered.Reason);
                Activity?.SetStatus(ActivityStatusCode.Error, deadLettered.Reason);
                AlertProbeTelemetry.RecordDeadLetter(function, deadLettered.Reason);
                break;
            case IntakeOutcome.Abandoned abandoned:
                Activity?.SetTag(SpanTags.Outcome, "abandoned");
                Activity?.SetStatus(ActivityStatusCode.Error, abandoned.Error);
                break;
        }
    }

    /// <summary>A handler threw: the span ends in error (the message is abandoned by the caller).</summary>
    public void Failed(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        Activity?.SetTag(SpanTags.Outcome, "abandoned");
        Activity?.SetStatus(ActivityStatusCode.Error, exception.GetType().Name);
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        Activity?.Dispose();
        MessageTraceContext.AlertReceivedAt = _previousReceivedAt;
    }
}
