using AlertProbe.Functions.Tests.Metadata;

namespace AlertProbe.Functions.Tests.Intake;

public sealed class AlertIntakeMetadataTests
{
    [Fact]
    public void AlertIntake_is_a_single_message_queue_trigger_on_the_alerts_queue_setting_without_auto_complete()
    {
        var trigger = FunctionsMetadata.Binding("AlertIntake", "message");

        Assert.Equal("serviceBusTrigger", (string?)trigger["type"]);
        Assert.Equal("In", (string?)trigger["direction"]);
        Assert.Equal("%Messaging:AlertsQueueName%", (string?)trigger["queueName"]);
        Assert.Equal("ServiceBus", (string?)trigger["connection"]);
        Assert.False((bool?)trigger["autoCompleteMessages"]);
        Assert.Equal("One", (string?)trigger["cardinality"]);
        Assert.Null(trigger["topicName"]);
    }
}
