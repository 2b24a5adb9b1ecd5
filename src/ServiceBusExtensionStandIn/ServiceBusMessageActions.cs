// STAND-IN: same public surface as Microsoft.Azure.Functions.Worker.Extensions.ServiceBus 5.24.0.
using Azure.Messaging.ServiceBus;

namespace Microsoft.Azure.Functions.Worker;

/// <summary>
/// Compile-only stand-in for the settlement actions the host binds to a Service Bus trigger.
/// Every method throws: only the real extension, under the Functions host, can settle a message.
/// Tests mock it through the protected constructor, as they would the real class.
/// </summary>
public class ServiceBusMessageActions
{
    protected ServiceBusMessageActions()
    {
    }

    public virtual Task CompleteMessageAsync(ServiceBusReceivedMessage message, CancellationToken cancellationToken = default)
        => throw NotRunnable();

    public virtual Task AbandonMessageAsync(ServiceBusReceivedMessage message, IDictionary<string, object>? propertiesToModify = default, CancellationToken cancellationToken = default)
        => throw NotRunnable();

    public virtual Task DeadLetterMessageAsync(ServiceBusReceivedMessage message, Dictionary<string, object>? propertiesToModify = default, string? deadLetterReason = default, string? deadLetterErrorDescription = default, CancellationToken cancellationToken = default)
        => throw NotRunnable();

    public virtual Task DeferMessageAsync(ServiceBusReceivedMessage message, IDictionary<string, object>? propertiesToModify = default, CancellationToken cancellationToken = default)
        => throw NotRunnable();

    public virtual Task RenewMessageLockAsync(ServiceBusReceivedMessage message, CancellationToken cancellationToken = default)
        => throw NotRunnable();

    private static NotSupportedException NotRunnable() => new(
        "This build uses the compile-only Service Bus extension stand-in; publish with the real " +
        "Microsoft.Azure.Functions.Worker.Extensions.ServiceBus package to run under the Functions host.");
}
