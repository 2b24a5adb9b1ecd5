using AlertProbe.Core.Intake;
using AlertProbe.Functions.Messaging;
using Azure.Messaging.ServiceBus;
using Microsoft.Azure.Functions.Worker;

namespace AlertProbe.Functions.Intake;

/// <summary>
/// The <c>alerts</c> queue → instant tests. Binds the message, runs <see cref="AlertIntakeHandler"/>, settles.
/// The queue name is the <c>Messaging__AlertsQueueName</c> app setting (also read by the handler's options),
/// so the trigger and the rescheduler can never disagree on it.
/// </summary>
public sealed class AlertIntake(AlertIntakeHandler handler, MessageSettler settler)
{
    [Function(nameof(AlertIntake))]
    public Task Run(
        [ServiceBusTrigger("%Messaging:AlertsQueueName%", Connection = "ServiceBus", AutoCompleteMessages = false)]
        ServiceBusReceivedMessage message,
        ServiceBusMessageActions messageActions,
        CancellationToken cancellationToken)
        => settler.RunAsync(nameof(AlertIntake), message, messageActions, ct => handler.HandleAsync(message, ct), cancellationToken);
}
