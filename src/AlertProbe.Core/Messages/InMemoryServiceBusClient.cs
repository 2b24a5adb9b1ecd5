using Azure.Messaging.ServiceBus;

namespace AlertProbe.Core.Messages;

/// <summary>
/// Uses the Service Bus SDK's own test seam (protected constructors, virtual members) so the real publisher and
/// scheduler send into an <see cref="InMemoryMessageBus"/>. Only sending is supported.
/// </summary>
internal sealed class InMemoryServiceBusClient(InMemoryMessageBus bus) : ServiceBusClient
{
    public override string FullyQualifiedNamespace => "in-memory";

    public override bool IsClosed => false;

    public override ServiceBusSender CreateSender(string queueOrTopicName) => new InMemoryServiceBusSender(bus, queueOrTopicName);

    public override ServiceBusSender CreateSender(string queueOrTopicName, ServiceBusSenderOptions options) => CreateSender(queueOrTopicName);

    // Nothing to close: there is no connection (the base would try to close one).
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Usage", "CA2215:Dispose methods should call base class dispose", Justification = "No AMQP connection exists.")]
    public override ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

internal sealed class InMemoryServiceBusSender(InMemoryMessageBus bus, string entityPath) : ServiceBusSender
{
    public override string EntityPath => entityPath;

    public override string FullyQualifiedNamespace => "in-memory";

    public override bool IsClosed => false;

    public override Task SendMessageAsync(ServiceBusMessage message, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        bus.Accept(entityPath, message, scheduledFor: null);
        return Task.CompletedTask;
    }

    public override async Task SendMessagesAsync(IEnumerable<ServiceBusMessage> messages, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        foreach (var message in messages)
        {
            await SendMessageAsync(message, cancellationToken).ConfigureAwait(false);
        }
    }

    public override Task<long> ScheduleMessageAsync(ServiceBusMessage message, DateTimeOffset scheduledEnqueueTime, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(bus.Accept(entityPath, message, scheduledEnqueueTime));
    }

    public override async Task<IReadOnlyList<long>> ScheduleMessagesAsync(IEnumerable<ServiceBusMessage> messages, DateTimeOffset scheduledEnqueueTime, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var sequenceNumbers = new List<long>();
        foreach (var message in messages)
        {
            sequenceNumbers.Add(await ScheduleMessageAsync(message, scheduledEnqueueTime, cancellationToken).ConfigureAwait(false));
        }

        return sequenceNumbers;
    }

    public override Task CancelScheduledMessageAsync(long sequenceNumber, CancellationToken cancellationToken = default)
    {
        bus.Cancel(entityPath, sequenceNumber);
        return Task.CompletedTask;
    }

    // The base DisposeAsync calls this.
    public override Task CloseAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;
}
