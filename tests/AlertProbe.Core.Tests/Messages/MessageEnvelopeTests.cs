using AlertProbe.Core.Messages;

namespace AlertProbe.Core.Tests.Messages;

public sealed class MessageEnvelopeTests
{
    [Fact]
    public void Created_message_id_is_the_test_id_and_run_so_duplicates_are_detected()
    {
        var message = MessageEnvelope.ToServiceBusMessage(MessageSamples.Created(run: 1));

        Assert.Equal("281474976710656:1", message.MessageId);
    }

    [Fact]
    public void Created_message_carries_correlation_id_content_type_and_subject()
    {
        var message = MessageEnvelope.ToServiceBusMessage(MessageSamples.Created());

        Assert.Equal(
            ("corr-1", "application/json", "InstantTestCreated"),
            (message.CorrelationId, message.ContentType, message.Subject));
    }

    [Fact]
    public void Created_message_carries_every_filter_property()
    {
        var message = MessageEnvelope.ToServiceBusMessage(MessageSamples.Created());

        var expected = new Dictionary<string, object>
        {
            ["schemaVersion"] = "1.3",
            ["testType"] = "http-server",
            ["source"] = "azureMonitor",
            ["severity"] = "critical",
            ["collect"] = true,
            ["rerun"] = true,
            ["run"] = 0,
        };
        Assert.Equal(expected, message.ApplicationProperties.ToDictionary());
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(1, true)]
    [InlineData(2, false)]
    public void Rerun_property_says_whether_another_rerun_is_due_after_this_run(int run, bool expected)
    {
        // The sample asks for 2 reruns: runs 0 and 1 are followed by another, run 2 is the last.
        var message = MessageEnvelope.ToServiceBusMessage(MessageSamples.Created(run));

        Assert.Equal(expected, message.ApplicationProperties[MessageProperties.Rerun]);
    }

    [Fact]
    public void Rerun_property_is_false_without_a_rerun_policy()
    {
        var message = MessageEnvelope.ToServiceBusMessage(MessageSamples.MinimalCreated());

        Assert.Equal(false, message.ApplicationProperties[MessageProperties.Rerun]);
    }

    [Fact]
    public void Results_message_carries_ids_content_type_and_subject()
    {
        var message = MessageEnvelope.ToServiceBusMessage(MessageSamples.Results(run: 2));

        Assert.Equal(
            ("281474976710656:2", "corr-1", "application/json", "InstantTestResults"),
            (message.MessageId, message.CorrelationId, message.ContentType, message.Subject));
    }

    [Fact]
    public void Results_message_carries_every_filter_property()
    {
        var message = MessageEnvelope.ToServiceBusMessage(MessageSamples.Results(run: 2));

        var expected = new Dictionary<string, object>
        {
            ["schemaVersion"] = "1.2",
            ["testType"] = "http-server",
            ["source"] = "azureMonitor",
            ["severity"] = "critical",
            ["verdict"] = "degraded",
            ["run"] = 2,
        };
        Assert.Equal(expected, message.ApplicationProperties.ToDictionary());
    }

    [Fact]
    public void Created_body_reads_back_to_the_same_message()
    {
        var original = MessageSamples.Created();

        var result = MessageEnvelope.ReadInstantTestCreated(MessageEnvelope.ToServiceBusMessage(original).Body);

        Assert.True(result.IsSuccess, result.Rejection?.ToString());
        Assert.Equal(MessageEnvelope.Serialize(original).ToString(), MessageEnvelope.Serialize(result.Message).ToString());
    }

    [Fact]
    public void Results_body_reads_back_to_the_same_message()
    {
        var original = MessageSamples.Results();

        var result = MessageEnvelope.ReadInstantTestResults(MessageEnvelope.ToServiceBusMessage(original).Body);

        Assert.True(result.IsSuccess, result.Rejection?.ToString());
        Assert.Equal(MessageEnvelope.Serialize(original).ToString(), MessageEnvelope.Serialize(result.Message).ToString());
    }

    [Fact]
    public void Rerun_interval_is_written_as_an_iso_8601_duration()
    {
        var json = MessageEnvelope.Serialize(MessageSamples.Created()).ToString();

        Assert.Contains("\"interval\":\"PT5M\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Rerun_interval_reads_back_from_an_iso_8601_duration()
    {
        var json = MessageEnvelope.Serialize(MessageSamples.Created()).ToString().Replace("\"PT5M\"", "\"PT1H30M\"", StringComparison.Ordinal);

        var result = MessageEnvelope.ReadInstantTestCreated(BinaryData.FromString(json));

        Assert.Equal(TimeSpan.FromMinutes(90), result.Message?.FollowUp.Rerun?.Interval);
    }

    [Fact]
    public void A_newer_minor_version_with_unknown_fields_is_read()
    {
        var json = MessageEnvelope.Serialize(MessageSamples.Created()).ToString()
            .Replace($"\"schemaVersion\":\"{InstantTestCreated.CurrentSchemaVersion}\"", "\"schemaVersion\":\"1.99\",\"somethingNew\":{\"x\":1}", StringComparison.Ordinal);

        var result = MessageEnvelope.ReadInstantTestCreated(BinaryData.FromString(json));

        Assert.True(result.IsSuccess, result.Rejection?.ToString());
    }
}
