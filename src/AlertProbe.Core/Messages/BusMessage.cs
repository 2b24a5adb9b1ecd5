using Azure.Messaging.ServiceBus;

namespace AlertProbe.Core.Messages;

/// <summary>A message on the <see cref="InMemoryMessageBus"/>: where it went, when, and (if scheduled) when it becomes visible.</summary>
public sealed record BusMessage(string EntityName, long SequenceNumber, ServiceBusMessage Message, DateTimeOffset EnqueuedAt, DateTimeOffset? ScheduledFor)
{
    public DateTimeOffset DueAt => ScheduledFor ?? EnqueuedAt;

    /// <summary>The message as a trigger would receive it (for handlers that take <see cref="ServiceBusReceivedMessage"/>).</summary>
    public ServiceBusReceivedMessage ToReceivedMessage(int deliveryCount = 1) =>
        ServiceBusModelFactory.ServiceBusReceivedMessage(
            body: Message.Body,
            messageId: Message.MessageId,
            correlationId: Message.CorrelationId,
            subject: Message.Subject,
            contentType: Message.ContentType,
            scheduledEnqueueTime: ScheduledFor ?? default,
            properties: new Dictionary<string, object>(Message.ApplicationProperties),
            deliveryCount: deliveryCount,
            sequenceNumber: SequenceNumber,
            enqueuedTime: DueAt);
}
