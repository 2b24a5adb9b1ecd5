using Azure.Messaging.ServiceBus;

namespace AlertProbe.Core.Diagnostics;

/// <summary>
/// Decorates the app's <see cref="ServiceBusClient"/> so every sender it hands out is a
/// <see cref="TracingServiceBusSender"/>: whatever sends (publisher, schedulers, ingress) carries the trace context
/// without knowing about it. Everything else is the inner client's.
/// </summary>
internal sealed class TracingServiceBusClient(ServiceBusClient inner) : ServiceBusClient
{
    public ServiceBusClient Inner { get; } = inner;

    public override string FullyQualifiedNamespace => Inner.FullyQualifiedNamespace;

    public override bool IsClosed => Inner.IsClosed;

    public override string Identifier => Inner.Identifier;

    public override ServiceBusSender CreateSender(string queueOrTopicName) => new TracingServiceBusSender(Inner.CreateSender(queueOrTopicName));

    public override ServiceBusSender CreateSender(string queueOrTopicName, ServiceBusSenderOptions options) =>
        new TracingServiceBusSender(Inner.CreateSender(queueOrTopicName, options));

    public override ServiceBusReceiver CreateReceiver(string queueName) => Inner.CreateReceiver(queueName);

    public override ServiceBusReceiver CreateReceiver(string queueName, ServiceBusReceiverOptions options) => Inner.CreateReceiver(queueName, options);

    public override ServiceBusReceiver CreateReceiver(string topicName, string subscriptionName) => Inner.CreateReceiver(topicName, subscriptionName);

    public override ServiceBusReceiver CreateReceiver(string topicName, string subscriptionName, ServiceBusReceiverOptions options) =>
        Inner.CreateReceiver(topicName, subscriptionName, options);

    public override ServiceBusProcessor CreateProcessor(string queueName) => Inner.CreateProcessor(queueName);

    public override ServiceBusProcessor CreateProcessor(string queueName, ServiceBusProcessorOptions options) => Inner.CreateProcessor(queueName, options);

    public override ServiceBusProcessor CreateProcessor(string topicName, string subscriptionName) => Inner.CreateProcessor(topicName, subscriptionName);

    public override ServiceBusProcessor CreateProcessor(string topicName, string subscriptionName, ServiceBusProcessorOptions options) =>
        Inner.CreateProcessor(topicName, subscriptionName, options);

    public override ServiceBusSessionProcessor CreateSessionProcessor(string queueName, ServiceBusSessionProcessorOptions options) =>
        Inner.CreateSessionProcessor(queueName, options);

    public override ServiceBusSessionProcessor CreateSessionProcessor(string topicName, string subscriptionName, ServiceBusSessionProcessorOptions options) =>
        Inner.CreateSessionProcessor(topicName, subscriptionName, options);

    public override Task<ServiceBusSessionReceiver> AcceptNextSessionAsync(string queueName, ServiceBusSessionReceiverOptions options = default!, CancellationToken cancellationToken = default) =>
        Inner.AcceptNextSessionAsync(queueName, options, cancellationToken);

    public override Task<ServiceBusSessionReceiver> AcceptNextSessionAsync(string topicName, string subscriptionName, ServiceBusSessionReceiverOptions options = default!, CancellationToken cancellationToken = default) =>
        Inner.AcceptNextSessionAsync(topicName, subscriptionName, options, cancellationToken);

    public override Task<ServiceBusSessionReceiver> AcceptSessionAsync(string queueName, string sessionId, ServiceBusSessionReceiverOptions options = default!, CancellationToken cancellationToken = default) =>
        Inner.AcceptSessionAsync(queueName, sessionId, options, cancellationToken);

    public override Task<ServiceBusSessionReceiver> AcceptSessionAsync(string topicName, string subscriptionName, string sessionId, ServiceBusSessionReceiverOptions options = default!, CancellationToken cancellationToken = default) =>
        Inner.AcceptSessionAsync(topicName, subscriptionName, sessionId, options, cancellationToken);

    public override ServiceBusRuleManager CreateRuleManager(string topicName, string subscriptionName) => Inner.CreateRuleManager(topicName, subscriptionName);

    // The inner client owns the connection.
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Usage", "CA2215:Dispose methods should call base class dispose", Justification = "The inner client holds the connection; the base has none.")]
    public override ValueTask DisposeAsync() => Inner.DisposeAsync();
}
