using AlertProbe.Cli.LocalRun;
using AlertProbe.Core.Messages;
using Azure.Messaging.ServiceBus;

namespace AlertProbe.Cli.Tests.LocalRun;

public sealed class SubscriptionFilterTests
{
    private static readonly MessagingOptions Names = new();

    [Theory]
    [InlineData(true, true, new[] { "collect", "rerun" })]
    [InlineData(true, false, new[] { "collect" })]
    [InlineData(false, true, new[] { "rerun" })]
    [InlineData(false, false, new string[0])]
    public void Each_subscription_takes_messages_whose_property_is_true(bool collect, bool rerun, string[] expected)
    {
        var message = new ServiceBusMessage("{}");
        message.ApplicationProperties[MessageProperties.Collect] = collect;
        message.ApplicationProperties[MessageProperties.Rerun] = rerun;

        Assert.Equal(expected, SubscriptionFilter.SubscriptionsFor(message, Names));
    }

    [Fact]
    public void An_absent_or_non_boolean_property_matches_no_subscription_as_in_sql()
    {
        var message = new ServiceBusMessage("{}");
        message.ApplicationProperties[MessageProperties.Collect] = "true";

        Assert.Empty(SubscriptionFilter.SubscriptionsFor(message, Names));
    }
}
