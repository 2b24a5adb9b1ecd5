using System.Text.Json.Nodes;
using AlertProbe.Core.Outcomes;
using AlertProbe.Core.Tests.Intake.Support;
using AlertProbe.Testing.Azurite;

namespace AlertProbe.Core.Tests.Intake;

/// <summary>Every kind of bad input gets its own dead-letter reason, and nothing of it reaches ThousandEyes.</summary>
[Collection(IntakeAzurite.Name)]
public sealed class IntakeBadInputTests(AzuriteFixture azurite)
{
    private const string Password = "s3cr3t-Pa55";

    private static readonly Dictionary<string, Func<BinaryData>> Bodies = new()
    {
        ["truncated JSON"] = () => BinaryData.FromString("""{"version":"4","status":"firing","alerts":[{"status":"firing","labels":{"job":"blackbox" """),
        ["invalid UTF-8"] = () => BinaryData.FromBytes([.. """{"schemaVersion":"1.0","testType":"http-server","url":"https://ex"""u8, 0xC3, 0x28, .. """.com/"}"""u8]),
        ["over 256 KB"] = () => AlertPayloads.Manual(new JsonObject { ["url"] = "https://www.example.com/", ["testName"] = new string('a', 300 * 1024) }),
        ["deep nesting"] = () => BinaryData.FromString(string.Concat(Enumerable.Repeat("{\"a\":", 200)) + "1" + new string('}', 200)),
        ["unknown format"] = () => BinaryData.FromString("""{"hello":"world","count":3}"""),
        ["manual request without url"] = () => AlertPayloads.Manual([]),
        ["bgp"] = () => AlertPayloads.Manual(new JsonObject { ["testType"] = "bgp", ["prefix"] = "192.0.2.0/24" }),
        ["shell metacharacters in a label"] = () => AlertPayloads.Alertmanager(new BlackboxAlert("a.com;rm -rf /", "fp-shell")),
        ["file URL"] = () => AlertPayloads.Manual(new JsonObject { ["url"] = "file:///etc/passwd" }),
        ["credentials in the URL"] = () => AlertPayloads.Manual(new JsonObject { ["url"] = $"http://user:{Password}@host.example.com/" }),
        ["cloud metadata address"] = () => AlertPayloads.Manual(new JsonObject { ["url"] = "http://169.254.169.254/latest/meta-data/" }),
        ["loopback address"] = () => AlertPayloads.Manual(new JsonObject { ["url"] = "http://127.0.0.1/" }),
        ["template syntax in a label"] = () => AlertPayloads.Alertmanager(new BlackboxAlert("https://{{ labels.job }}.example.com/", "fp-template")),
    };

    public static TheoryData<string, string> Cases => new()
    {
        { "truncated JSON", RejectionReasons.InvalidJson },
        { "invalid UTF-8", RejectionReasons.InvalidUtf8 },
        { "over 256 KB", RejectionReasons.PayloadTooLarge },
        { "deep nesting", RejectionReasons.NestingTooDeep },
        { "unknown format", RejectionReasons.UnknownFormat },
        { "manual request without url", RejectionReasons.MissingField },
        { "bgp", RejectionReasons.UnsupportedTestType },
        { "shell metacharacters in a label", RejectionReasons.InvalidField },
        { "file URL", RejectionReasons.InvalidField },
        { "credentials in the URL", RejectionReasons.InvalidField },
        { "cloud metadata address", RejectionReasons.TargetDenied },
        { "loopback address", RejectionReasons.TargetDenied },
        { "template syntax in a label", RejectionReasons.InvalidField },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Bad_input_is_dead_lettered_with_its_specific_reason(string input, string reason)
    {
        await using var host = await IntakeHost.StartAsync(azurite);

        var outcome = await host.HandleAsync(AlertPayloads.Message(Bodies[input](), "msg-bad"));

        var deadLettered = Assert.IsType<IntakeOutcome.DeadLettered>(outcome);
        Assert.Equal(reason, deadLettered.Reason);
        Assert.False(string.IsNullOrWhiteSpace(deadLettered.Description), "a human description says what was wrong");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Bad_input_never_calls_ThousandEyes(string input, string reason)
    {
        _ = reason;
        await using var host = await IntakeHost.StartAsync(azurite);

        await host.HandleAsync(AlertPayloads.Message(Bodies[input](), "msg-bad"));

        Assert.Empty(host.State.ReceivedRequests);
    }

    [Fact]
    public async Task A_password_in_a_target_url_never_appears_in_the_dead_letter_description()
    {
        await using var host = await IntakeHost.StartAsync(azurite);

        var outcome = await host.HandleAsync(AlertPayloads.Message(Bodies["credentials in the URL"](), "msg-credentials"));

        Assert.DoesNotContain(Password, Assert.IsType<IntakeOutcome.DeadLettered>(outcome).Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_password_in_a_target_url_never_appears_in_the_logs()
    {
        await using var host = await IntakeHost.StartAsync(azurite);

        await host.HandleAsync(AlertPayloads.Message(Bodies["credentials in the URL"](), "msg-credentials"));

        Assert.DoesNotContain(host.Logs.GetSnapshot(), record =>
            record.Message.Contains(Password, StringComparison.Ordinal)
            || (record.StructuredState ?? []).Any(field => field.Value?.Contains(Password, StringComparison.Ordinal) == true));
    }

    [Fact]
    public async Task Template_syntax_in_an_alert_label_reaches_the_test_as_literal_text()
    {
        await using var host = await IntakeHost.StartAsync(azurite);
        var body = AlertPayloads.Alertmanager(new BlackboxAlert("https://shop.example.com/search?q={{labels.severity}}", "fp-query"));

        await host.HandleAsync(AlertPayloads.Message(body, "msg-query"));

        Assert.Equal("https://shop.example.com/search?q={{labels.severity}}", Assert.Single(host.State.CreatedTests).Definition["url"]?.ToString());
    }
}
