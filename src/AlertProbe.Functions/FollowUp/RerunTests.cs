using AlertProbe.Core.FollowUp.Reruns;
using AlertProbe.Functions.Messaging;
using Azure.Messaging.ServiceBus;
using Microsoft.Azure.Functions.Worker;

namespace AlertProbe.Functions.FollowUp;

/// <summary>
/// Topic <c>instant-tests</c>, subscription <c>rerun</c> (SQL filter <c>rerun = TRUE</c>): schedules and makes the reruns
/// of a test's policy. Names come from the <c>Messaging__*</c> app settings.
/// </summary>
public sealed class RerunTests(RerunTestsHandler handler, MessageSettler settler)
{
    [Function(nameof(RerunTests))]
    public Task RunAsync(
        [ServiceBusTrigger("%Messaging:InstantTestsTopicName%", "%Messaging:RerunSubscriptionName%", Connection = "ServiceBus", AutoCompleteMessages = false)]
        ServiceBusReceivedMessage message,
        ServiceBusMessageActions actions,
        CancellationToken cancellationToken) =>
        settler.RunAsync(nameof(RerunTests), message, actions, token => handler.HandleAsync(message, token), cancellationToken);
}
