using AlertProbe.Core.Messages;
using Azure.Messaging.ServiceBus;

namespace AlertProbe.Cli.LocalRun;

/// <summary>
/// The <c>instant-tests</c> topic's subscription rules, as deployed (infra/modules/servicebus.bicep): <c>collect</c>
/// takes messages with <c>collect = TRUE</c>, <c>rerun</c> those with <c>rerun = TRUE</c>. The in-memory bus has no
/// subscriptions, so the in-process run routes with this. An absent or non-boolean property does not match, as in SQL.
/// </summary>
internal static class SubscriptionFilter
{
    public static IReadOnlyList<string> SubscriptionsFor(ServiceBusMessage message, MessagingOptions names)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(names);
        var subscriptions = new List<string>(2);
        if (IsTrue(message, MessageProperties.Collect))
        {
            subscriptions.Add(names.CollectSubscriptionName);
        }

        if (IsTrue(message, MessageProperties.Rerun))
        {
            subscriptions.Add(names.RerunSubscriptionName);
        }

        return subscriptions;
    }

    private static bool IsTrue(ServiceBusMessage message, string property) =>
        message.ApplicationProperties.TryGetValue(property, out var value) && value is true;
}
