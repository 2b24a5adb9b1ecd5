using System.Text;
using AlertProbe.Core.Alerts;
using AlertProbe.Core.Outcomes;

namespace AlertProbe.Core.Tests.Alerts;

public class PayloadGuardTests
{
    public static TheoryData<string, byte[], string> BadPayloads => new()
    {
        { "truncated JSON", Encoding.UTF8.GetBytes("""{"version":"4","alerts":[{"status":"fir"""), RejectionReasons.InvalidJson },
        { "invalid UTF-8 bytes", [.. "{\"a\":\""u8.ToArray(), 0xC3, 0x28, .. "\"}"u8.ToArray()], RejectionReasons.InvalidUtf8 },
        { "over 256 KB", Encoding.UTF8.GetBytes("{\"pad\":\"" + new string('x', 262_144) + "\"}"), RejectionReasons.PayloadTooLarge },
        { "200-deep nesting", Encoding.UTF8.GetBytes(new string('[', 200) + new string(']', 200)), RejectionReasons.NestingTooDeep },
        { "200-deep objects", Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("{\"a\":", 200)) + "1" + new string('}', 200)), RejectionReasons.NestingTooDeep },
        { "unknown JSON object", Encoding.UTF8.GetBytes("""{"hello":"world","answer":42}"""), RejectionReasons.UnknownFormat },
        { "empty body", [], RejectionReasons.InvalidJson },
        { "whitespace body", Encoding.UTF8.GetBytes(" \r\n "), RejectionReasons.InvalidJson },
        { "JSON null", Encoding.UTF8.GetBytes("null"), RejectionReasons.UnknownFormat },
        { "a number", Encoding.UTF8.GetBytes("42"), RejectionReasons.UnknownFormat },
        { "a string", Encoding.UTF8.GetBytes("\"alert\""), RejectionReasons.UnknownFormat },
        { "an empty array", Encoding.UTF8.GetBytes("[]"), RejectionReasons.UnknownFormat },
        { "manual request missing testType", Encoding.UTF8.GetBytes("""{"tests":[{"url":"https://x.example.com","agents":[{"agentId":"1"}]}]}"""), RejectionReasons.MissingField },
        { "manual request missing url", Encoding.UTF8.GetBytes("""{"testType":"http-server","agents":[{"agentId":"1"}]}"""), RejectionReasons.MissingField },
        { "manual bgp request", Encoding.UTF8.GetBytes("""{"testType":"bgp","prefix":"192.0.2.0/24","agents":[{"agentId":"1"}]}"""), RejectionReasons.UnsupportedTestType },
        { "old Azure schema", AlertFixtures.Bytes("azure-monitor/legacy-metric-schema.json"), RejectionReasons.UnsupportedSchema },
        { "classic Azure metric alert", Encoding.UTF8.GetBytes("""{"status":"Activated","context":{"conditionType":"Metric","name":"x"}}"""), RejectionReasons.UnsupportedSchema },
        { "trailing garbage", Encoding.UTF8.GetBytes("""{"event":{}} x"""), RejectionReasons.InvalidJson },
    };

    [Theory]
    [MemberData(nameof(BadPayloads))]
    public void Bad_payload_is_refused_with_its_reason(string what, byte[] body, string reason)
    {
        var result = new AlertPayloadParser().Parse(body, PayloadHints.None);

        Assert.True(result.Rejection?.Reason == reason, $"{what}: expected {reason}, got {result.Rejection?.ToString() ?? "success"}");
    }

    [Fact]
    public void Invalid_json_rejection_says_where_the_error_is()
    {
        var result = AlertFixtures.ParseText("{\n  \"version\": \"4\",\n  \"alerts\": [,]\n}");

        Assert.Equal(RejectionReasons.InvalidJson, result.Rejection?.Reason);
        Assert.Contains("line 3, byte 14", result.Rejection!.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Payload_of_exactly_256_KB_is_not_too_large()
    {
        var prefix = """{"testType":"http-server","url":"https://x.example.com","agents":[{"agentId":"1"}],"note":""" + "\"";
        var body = Encoding.UTF8.GetBytes(prefix + new string('x', AlertPayloadParser.MaxPayloadBytes - prefix.Length - 2) + "\"}");

        var result = new AlertPayloadParser().Parse(body, PayloadHints.None);

        Assert.Equal(AlertPayloadParser.MaxPayloadBytes, body.Length);
        AlertFixtures.AssertSuccess(result);
    }

    [Fact]
    public void Utf8_byte_order_mark_is_tolerated()
    {
        var body = Encoding.UTF8.GetPreamble().Concat(AlertFixtures.Bytes("pagerduty/triggered.json")).ToArray();

        var result = new AlertPayloadParser().Parse(body, PayloadHints.None);

        Assert.Equal(AlertSource.PagerDuty, result.Format);
        AlertFixtures.AssertSuccess(result);
    }

    [Fact]
    public void Invalid_utf8_rejection_gives_the_offset_of_the_bad_byte()
    {
        byte[] body = [.. "{\"a\":\""u8.ToArray(), 0xFF, .. "\"}"u8.ToArray()];

        var result = new AlertPayloadParser().Parse(body, PayloadHints.None);

        Assert.Equal(RejectionReasons.InvalidUtf8, result.Rejection?.Reason);
        Assert.Contains("offset 6", result.Rejection!.Description, StringComparison.Ordinal);
    }
}
