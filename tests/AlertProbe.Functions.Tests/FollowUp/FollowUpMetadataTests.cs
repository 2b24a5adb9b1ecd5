using AlertProbe.Functions.Tests.Metadata;

namespace AlertProbe.Functions.Tests.FollowUp;

public sealed class FollowUpMetadataTests
{
    [Theory]
    [InlineData("CollectResults", "%Messaging:CollectSubscriptionName%")]
    [InlineData("RerunTests", "%Messaging:RerunSubscriptionName%")]
    public void The_function_is_a_single_message_trigger_on_its_instant_tests_subscription_settled_by_code(string function, string subscription)
    {
        var trigger = FunctionsMetadata.Binding(function, "message");

        Assert.Equal(
            ("serviceBusTrigger", "In", "%Messaging:InstantTestsTopicName%", subscription, "ServiceBus", false, "One"),
            ((string?)trigger["type"], (string?)trigger["direction"], (string?)trigger["topicName"], (string?)trigger["subscriptionName"],
             (string?)trigger["connection"], (bool?)trigger["autoCompleteMessages"], (string?)trigger["cardinality"]));
    }
}
