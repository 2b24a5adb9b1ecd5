using AlertProbe.Core.FollowUp.Collection;
using AlertProbe.Functions.Messaging;
using Azure.Messaging.ServiceBus;
using Microsoft.Azure.Functions.Worker;

namespace AlertProbe.Functions.FollowUp;

/// <summary>
/// Topic <c>instant-tests</c>, subscription <c>collect</c> (SQL filter <c>collect = TRUE</c>): collects a run's results,
/// publishes the verdict and replies to the origin. Names come from the <c>Messaging__*</c> app settings.
/// </summary>
public sealed class CollectResults(CollectResultsHandler handler, MessageSettler settler)
{
    [Function(nameof(CollectResults))]
    public Task RunAsync(
        [ServiceBusTrigger("%Messaging:InstantTestsTopicName%", "%Messaging:CollectSubscriptionName%", Connection = "ServiceBus", AutoCompleteMessages = false)]
        ServiceBusReceivedMessage message,
        ServiceBusMessageActions actions,
        CancellationToken cancellationToken) =>
        settler.RunAsync(nameof(CollectResults), message, actions, token => handler.HandleAsync(message, token), cancellationToken);
}
