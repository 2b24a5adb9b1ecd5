using System.Diagnostics;
using System.Globalization;
using Azure.Messaging.ServiceBus;

namespace AlertProbe.Core.Diagnostics;

/// <summary>
/// Sends through the inner sender inside a producer span (<c>publish {entity}</c>, <c>schedule {entity}</c>) and writes
/// that span's W3C context into each message (<see cref="MessageTraceContext.Inject"/>), so the handler that receives
/// it, now or at its scheduled time, continues the same trace.
/// </summary>
internal sealed class TracingServiceBusSender(ServiceBusSender inner) : ServiceBusSender
{
    public override string EntityPath => inner.EntityPath;

    public override string FullyQualifiedNamespace => inner.FullyQualifiedNamespace;

    public override bool IsClosed => inner.IsClosed;

    public override string Identifier => inner.Identifier;

    public override async Task SendMessageAsync(ServiceBusMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        using var activity = Start(SpanNames.Publish, message, scheduledFor: null);
        MessageTraceContext.Inject(message, activity ?? Activity.Current);
        await RunAsync(activity, () => inner.SendMessageAsync(message, cancellationToken)).ConfigureAwait(false);
    }

    public override async Task SendMessagesAsync(IEnumerable<ServiceBusMessage> messages, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var list = messages.ToList();
        using var activity = Start(SpanNames.Publish, list.Count == 1 ? list[0] : null, scheduledFor: null);
        foreach (var message in list)
        {
            MessageTraceContext.Inject(message, activity ?? Activity.Current);
        }

        await RunAsync(activity, () => inner.SendMessagesAsync(list, cancellationToken)).ConfigureAwait(false);
    }

    // A batch is sealed when it reaches here; the app does not send batches (messages are added by the SDK).
    public override Task SendMessagesAsync(ServiceBusMessageBatch messageBatch, CancellationToken cancellationToken = default) =>
        inner.SendMessagesAsync(messageBatch, cancellationToken);

    public override ValueTask<ServiceBusMessageBatch> CreateMessageBatchAsync(CancellationToken cancellationToken = default) =>
        inner.CreateMessageBatchAsync(cancellationToken);

    public override ValueTask<ServiceBusMessageBatch> CreateMessageBatchAsync(CreateMessageBatchOptions options, CancellationToken cancellationToken = default) =>
        inner.CreateMessageBatchAsync(options, cancellationToken);

    public override async Task<long> ScheduleMessageAsync(ServiceBusMessage message, DateTimeOffset scheduledEnqueueTime, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        using var activity = Start(SpanNames.Schedule, message, scheduledEnqueueTime);
        MessageTraceContext.Inject(message, activity ?? Activity.Current);
        long sequenceNumber = 0;
        await RunAsync(activity, async () => sequenceNumber = await inner.ScheduleMessageAsync(message, scheduledEnqueueTime, cancellationToken).ConfigureAwait(false)).ConfigureAwait(false);
        return sequenceNumber;
    }

    public override async Task<IReadOnlyList<long>> ScheduleMessagesAsync(IEnumerable<ServiceBusMessage> messages, DateTimeOffset scheduledEnqueueTime, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var list = messages.ToList();
        using var activity = Start(SpanNames.Schedule, list.Count == 1 ? list[0] : null, scheduledEnqueueTime);
        foreach (var message in list)
        {
            MessageTraceContext.Inject(message, activity ?? Activity.Current);
        }

        IReadOnlyList<long> sequenceNumbers = [];
        await RunAsync(activity, async () => sequenceNumbers = await inner.ScheduleMessagesAsync(list, scheduledEnqueueTime, cancellationToken).ConfigureAwait(false)).ConfigureAwait(false);
        return sequenceNumbers;
    }

    public override Task CancelScheduledMessageAsync(long sequenceNumber, CancellationToken cancellationToken = default) =>
        inner.CancelScheduledMessageAsync(sequenceNumber, cancellationToken);

    public override Task CancelScheduledMessagesAsync(IEnumerable<long> sequenceNumbers, CancellationToken cancellationToken = default) =>
        inner.CancelScheduledMessagesAsync(sequenceNumbers, cancellationToken);

    public override Task CloseAsync(CancellationToken cancellationToken = default) => inner.CloseAsync(cancellationToken);

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Usage", "CA2215:Dispose methods should call base class dispose", Justification = "The inner sender holds the link; the base has none.")]
    public override ValueTask DisposeAsync() => inner.DisposeAsync();

    private Activity? Start(string operation, ServiceBusMessage? message, DateTimeOffset? scheduledFor)
    {
        var activity = AlertProbeTelemetry.Source.StartActivity($"{operation} {inner.EntityPath}", ActivityKind.Producer);
        if (activity is null)
        {
            return null;
        }

        activity.SetTag(SpanTags.MessagingSystem, "servicebus");
        activity.SetTag(SpanTags.MessagingOperation, "send");
        activity.SetTag(SpanTags.Destination, inner.EntityPath);
        if (message is not null)
        {
            activity.SetTag(SpanTags.MessageId, message.MessageId);
            activity.SetTag(SpanTags.ConversationId, message.CorrelationId);
            activity.SetTag(SpanTags.Subject, message.Subject);
        }

        if (scheduledFor is { } at)
        {
            activity.SetTag(SpanTags.ScheduledFor, at.ToString("O", CultureInfo.InvariantCulture));
        }

        return activity;
    }

    private static async Task RunAsync(Activity? activity, Func<Task> send)
    {
        try
        {
            await send().ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            activity?.SetStatus(ActivityStatusCode.Error, exception is ServiceBusException bus ? bus.Reason.ToString() : exception.GetType().Name);
            throw;
        }
    }
}
