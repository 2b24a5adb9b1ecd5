using System.Text;
using AlertProbe.Core.Alerts;
using AlertProbe.Core.Outcomes;

namespace AlertProbe.Core.Tests.Alerts;

/// <summary>
/// Poison messages (issue 9 item 6): one hostile value in one field must give a rejection or a result on the first
/// delivery, never an exception (which abandons the message until Service Bus dead-letters it as
/// MaxDeliveryCountExceeded, hiding the real reason).
/// </summary>
public class HostileFieldTests
{
    private static readonly string[] Hints = ["auto", "manual", "azure-monitor", "alertmanager", "grafana", "pagerduty", "servicenow", "cloudevents"];

    public static TheoryData<string> Fixtures => new(HostileValueInjection.FixtureNames());

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Every_single_field_injection_gives_a_result_without_throwing(string fixture)
    {
        var parser = new AlertPayloadParser();
        var text = AlertFixtures.Text(fixture);
        var failures = new List<string>();
        var cases = 0;
        foreach (var value in HostileValueInjection.Values)
        {
            foreach (var (path, json) in HostileValueInjection.ReplaceEachLeaf(text, value))
            {
                cases++;
                Record(parser, json, $"{path} = {value}", failures);
            }
        }

        foreach (var name in HostileValueInjection.Names)
        {
            foreach (var (path, json) in HostileValueInjection.ReplaceEachName(text, name))
            {
                cases++;
                Record(parser, json, $"name of {path} = {name}", failures);
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {cases} injections into {fixture} threw:\n{string.Join("\n", failures.Take(15))}");
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void A_lone_surrogate_in_any_string_value_is_invalid_json_with_its_pointer(string fixture)
    {
        var parser = new AlertPayloadParser();
        foreach (var (path, json) in HostileValueInjection.ReplaceEachLeaf(AlertFixtures.Text(fixture), "\"ok\\ud800\""))
        {
            var result = Parse(parser, json, "auto");
            Assert.True(result.IsRejected, $"{fixture} {path}: accepted");
            Assert.Equal(RejectionReasons.InvalidJson, result.Rejection!.Reason);
            Assert.Contains(path, result.Rejection.Description, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("{\"testType\":\"http-server\",\"url\":\"https://example.com/\\ud800\"}", "/url")]
    [InlineData("{\"testType\":\"http-server\",\"url\":\"https://example.com\",\"testName\":\"\\udc00\"}", "/testName")]
    [InlineData("{\"testType\":\"http-server\",\"url\":\"https://example.com\",\"\\ud800\":1}", "/")]
    [InlineData("[{\"testType\":\"http-server\",\"url\":\"https://example.com\",\"agents\":[{\"agentName\":\"a\\ud800\"}]}]", "/0/agents/0/agentName")]
    public void A_manual_request_with_a_lone_surrogate_is_invalid_json_before_schema_validation(string json, string location)
    {
        var result = Parse(new AlertPayloadParser(), json, "manual");

        Assert.True(result.IsRejected);
        Assert.Equal(RejectionReasons.InvalidJson, result.Rejection!.Reason);
        Assert.Contains(location, result.Rejection.Description, StringComparison.Ordinal);
        Assert.Contains("surrogate", result.Rejection.Description, StringComparison.OrdinalIgnoreCase);
    }

    private static void Record(AlertPayloadParser parser, string json, string what, List<string> failures)
    {
        foreach (var hint in Hints)
        {
            try
            {
                var result = Parse(parser, json, hint);
                if (!result.IsRejected && result.Format is null)
                {
                    failures.Add($"{what} (hint {hint}): neither rejected nor recognised");
                }
            }
            catch (Exception exception)
            {
                failures.Add($"{what} (hint {hint}): {exception.GetType().Name}: {exception.Message}");
                return;
            }
        }
    }

    private static AlertParseResult Parse(AlertPayloadParser parser, string json, string hint) =>
        parser.Parse(Encoding.UTF8.GetBytes(json), new PayloadHints { Source = hint });
}

/// <summary>The last line of defence: a format that throws (a bug) still gives a rejection on the first delivery.</summary>
public class ParserFaultTests
{
    [Fact]
    public void A_format_that_throws_gives_an_unreadable_payload_rejection_instead_of_an_exception()
    {
        var parser = new AlertPayloadParser([new ThrowingFormat()]);

        var result = parser.Parse(Encoding.UTF8.GetBytes("{\"boom\":1}"), PayloadHints.None);

        Assert.True(result.IsRejected);
        Assert.Equal(RejectionReasons.UnreadablePayload, result.Rejection!.Reason);
        Assert.Contains(nameof(InvalidOperationException), result.Rejection.Description, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-in-message", result.Rejection.Description, StringComparison.Ordinal);
    }

    private sealed class ThrowingFormat : AlertProbe.Core.Alerts.Formats.IAlertFormat
    {
        public AlertSource Source => AlertSource.Manual;

        public string Signature => "throws";

        public bool Recognises(System.Text.Json.JsonElement root) => true;

        public AlertParseResult Parse(System.Text.Json.JsonElement root, PayloadHints hints) =>
            throw new InvalidOperationException("secret-in-message");
    }
}
