using Azure.Messaging.ServiceBus;

namespace AlertProbe.Benchmarks.Storm.Faults;

/// <summary>
/// Service Bus as it fails, over the in-memory bus: a publish or a schedule that fails after the SDK's own retries
/// (ServiceCommunicationProblem), and the crash right after a created test was published.
/// </summary>
internal sealed class FaultingServiceBusClient(ServiceBusClient inner, FaultInjector faults, string instantTestsTopic) : ServiceBusClient
{
    public override string FullyQualifiedNamespace => inner.FullyQualifiedNamespace;

    public override bool IsClosed => inner.IsClosed;

    public override ServiceBusSender CreateSender(string queueOrTopicName) => new Sender(inner.CreateSender(queueOrTopicName), faults, queueOrTopicName == instantTestsTopic);

    public override ServiceBusSender CreateSender(string queueOrTopicName, ServiceBusSenderOptions options) => CreateSender(queueOrTopicName);

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Usage", "CA2215:Dispose methods should call base class dispose", Justification = "The in-memory client has no connection.")]
    public override ValueTask DisposeAsync() => inner.DisposeAsync();

    private sealed class Sender(ServiceBusSender inner, FaultInjector faults, bool isInstantTests) : ServiceBusSender
    {
        public override string EntityPath => inner.EntityPath;

        public override string FullyQualifiedNamespace => inner.FullyQualifiedNamespace;

        public override bool IsClosed => inner.IsClosed;

        public override async Task SendMessageAsync(ServiceBusMessage message, CancellationToken cancellationToken = default)
        {
            faults.ThrowIfCrashed();
            if (faults.Roll(faults.Plan.PublishFailures, "bus.publish"))
            {
                throw Failure();
            }

            await inner.SendMessageAsync(message, cancellationToken);
            if (isInstantTests)
            {
                faults.MaybeCrash(faults.Plan.CrashAfterPublish, "after-publish");
            }
        }

        public override async Task SendMessagesAsync(IEnumerable<ServiceBusMessage> messages, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(messages);
            foreach (var message in messages)
            {
                await SendMessageAsync(message, cancellationToken);
            }
        }

        public override Task<long> ScheduleMessageAsync(ServiceBusMessage message, DateTimeOffset scheduledEnqueueTime, CancellationToken cancellationToken = default)
        {
            faults.ThrowIfCrashed();
            return faults.Roll(faults.Plan.ScheduleFailures, "bus.schedule")
                ? Task.FromException<long>(Failure())
                : inner.ScheduleMessageAsync(message, scheduledEnqueueTime, cancellationToken);
        }

        public override Task CancelScheduledMessageAsync(long sequenceNumber, CancellationToken cancellationToken = default)
        {
            faults.ThrowIfCrashed();
            return inner.CancelScheduledMessageAsync(sequenceNumber, cancellationToken);
        }

        public override Task CloseAsync(CancellationToken cancellationToken = default) => inner.CloseAsync(cancellationToken);

        private ServiceBusException Failure() =>
            new("The service was unreachable after the client's retries (injected).", ServiceBusFailureReason.ServiceCommunicationProblem, inner.EntityPath);
    }
}
