using AlertProbe.Core.Messages;
using AlertProbe.Core.Outcomes;

namespace AlertProbe.Core.Tests.Messages;

public sealed class MessageRejectionTests
{
    private static string CreatedJson => MessageEnvelope.Serialize(MessageSamples.Created()).ToString();

    [Theory]
    [InlineData("{not json", RejectionReasons.InvalidJson)]
    [InlineData("", RejectionReasons.InvalidJson)]
    [InlineData("[1,2]", RejectionReasons.InvalidJson)]
    [InlineData("{\"testId\":\"1\"}", RejectionReasons.MissingField)]
    [InlineData("{\"schemaVersion\":\"2.0\",\"testId\":\"1\"}", RejectionReasons.UnsupportedSchema)]
    [InlineData("{\"schemaVersion\":1}", RejectionReasons.UnsupportedSchema)]
    public void A_body_that_is_not_a_version_1_message_is_rejected(string body, string expectedReason)
    {
        var result = MessageEnvelope.ReadInstantTestCreated(BinaryData.FromString(body));

        Assert.Equal(expectedReason, result.Rejection?.Reason);
    }

    [Fact]
    public void A_missing_required_field_is_rejected_as_missing()
    {
        var json = CreatedJson.Replace("\"testId\":\"281474976710656\",", "", StringComparison.Ordinal);

        var result = MessageEnvelope.ReadInstantTestCreated(BinaryData.FromString(json));

        Assert.Equal(RejectionReasons.MissingField, result.Rejection?.Reason);
    }

    [Theory]
    [InlineData("\"severity\":\"critical\"", "\"severity\":\"catastrophic\"")]
    [InlineData("\"apiVersion\":\"v7\"", "\"apiVersion\":\"v8\"")]
    [InlineData("\"run\":0", "\"run\":-1")]
    [InlineData("\"interval\":\"PT5M\"", "\"interval\":\"00:05:00\"")]
    [InlineData("\"testId\":\"281474976710656\"", "\"testId\":281474976710656")]
    public void A_field_with_a_wrong_value_is_rejected_as_invalid(string field, string replacement)
    {
        var json = CreatedJson.Replace(field, replacement, StringComparison.Ordinal);
        Assert.NotEqual(CreatedJson, json);

        var result = MessageEnvelope.ReadInstantTestCreated(BinaryData.FromString(json));

        Assert.Equal(RejectionReasons.InvalidField, result.Rejection?.Reason);
    }

    [Fact]
    public void A_rejection_names_where_the_body_is_wrong()
    {
        var json = CreatedJson.Replace("\"run\":0", "\"run\":-1", StringComparison.Ordinal);

        var result = MessageEnvelope.ReadInstantTestCreated(BinaryData.FromString(json));

        Assert.Contains("/run", result.Rejection?.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void A_rejection_does_not_echo_the_reply_url()
    {
        var json = CreatedJson.Replace("\"kind\":\"slack\"", "\"kind\":\"pigeon\"", StringComparison.Ordinal);

        var result = MessageEnvelope.ReadInstantTestCreated(BinaryData.FromString(json));

        Assert.DoesNotContain("hooks.slack.com", result.Rejection?.Description ?? "hooks.slack.com", StringComparison.Ordinal);
    }

    [Fact]
    public void A_results_body_with_an_unknown_verdict_is_rejected()
    {
        var json = MessageEnvelope.Serialize(MessageSamples.Results()).ToString()
            .Replace("\"verdict\":\"degraded\"", "\"verdict\":\"meh\"", StringComparison.Ordinal);

        var result = MessageEnvelope.ReadInstantTestResults(BinaryData.FromString(json));

        Assert.Equal(RejectionReasons.InvalidField, result.Rejection?.Reason);
    }
}
