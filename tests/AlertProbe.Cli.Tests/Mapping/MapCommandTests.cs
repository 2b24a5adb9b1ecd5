using System.Text.Json;
using AlertProbe.Testing;

namespace AlertProbe.Cli.Tests.Mapping;

public sealed class MapCommandTests
{
    private static readonly string[] DocumentKeys = ["version", "rules", "format", "alerts", "plans", "rejections"];
    private static readonly string[] AlertKeys = ["source", "id", "status", "severity", "name", "labels", "targets"];
    private static readonly string[] PlanKeys = ["rule", "alertId", "testType", "apiVersion", "method", "path", "body", "coalescingKey"];
    private static readonly string[] RejectionKeys = ["reason", "description"];

    [Theory]
    [InlineData("samples/alerts/alertmanager.json", "alertmanager", 3)]
    [InlineData("samples/alerts/azure-monitor.json", "azure-monitor", 1)]
    [InlineData("samples/alerts/manual-list.json", "manual", 2)]
    [InlineData("samples/alerts/grafana.json", "grafana", 2)]
    public async Task Map_json_prints_the_documented_document(string payload, string format, int plans)
    {
        var result = await CliInvocation.RunAsync("map", payload, "--rules", "samples/rules.yaml", "--json");

        Assert.Equal(0, result.ExitCode);
        using var document = JsonDocument.Parse(result.Out);
        var root = document.RootElement;
        Assert.Equal(DocumentKeys, Keys(root));
        Assert.Equal(format, root.GetProperty("format").GetString());
        Assert.All(root.GetProperty("alerts").EnumerateArray(), alert => Assert.Equal(AlertKeys, Keys(alert)));
        Assert.Equal(plans, root.GetProperty("plans").GetArrayLength());
        Assert.All(root.GetProperty("plans").EnumerateArray(), plan =>
        {
            Assert.Equal(PlanKeys, Keys(plan));
            Assert.Equal("POST", plan.GetProperty("method").GetString());
            Assert.Equal("v7", plan.GetProperty("apiVersion").GetString());
            Assert.StartsWith("/v7/tests/", plan.GetProperty("path").GetString(), StringComparison.Ordinal);
            Assert.Equal(JsonValueKind.Object, plan.GetProperty("body").ValueKind);
        });
        Assert.Equal(0, root.GetProperty("rejections").GetArrayLength());
    }

    [Fact]
    public async Task Explicit_agent_ids_are_sent_as_given_and_selectors_are_shown_as_selectors()
    {
        var result = await CliInvocation.RunAsync("map", "samples/alerts/manual-list.json", "--json");

        using var document = JsonDocument.Parse(result.Out);
        var plans = document.RootElement.GetProperty("plans").EnumerateArray().ToList();
        var pageLoad = plans.Single(p => p.GetProperty("testType").GetString() == "page-load");
        var dns = plans.Single(p => p.GetProperty("testType").GetString() == "dns-server");
        Assert.Equal("113", pageLoad.GetProperty("body").GetProperty("agents")[0].GetProperty("agentId").GetString());
        Assert.Equal("London, England", dns.GetProperty("body").GetProperty("agents").GetProperty("selector").GetProperty("names")[0].GetString());
    }

    [Fact]
    public async Task Api_version_v6_gives_the_v6_path_and_integer_agent_ids()
    {
        using var file = TempFile.With("""{"testType":"agent-to-server","server":"db.contoso.example:5432","protocol":"tcp","agents":[{"agentId":"113"}]}""");

        var result = await CliInvocation.RunAsync("map", file.Path, "--api-version", "v6", "--json");

        Assert.Equal(0, result.ExitCode);
        using var document = JsonDocument.Parse(result.Out);
        var plan = Assert.Single(document.RootElement.GetProperty("plans").EnumerateArray());
        Assert.Equal("/v6/instant/agent-to-server", plan.GetProperty("path").GetString());
        Assert.Equal(113, plan.GetProperty("body").GetProperty("agents")[0].GetProperty("agentId").GetInt32());
        Assert.Equal("TCP", plan.GetProperty("body").GetProperty("protocol").GetString());
    }

    [Fact]
    public async Task A_request_the_api_version_cannot_take_is_refused_as_the_intake_would()
    {
        var result = await CliInvocation.RunAsync("map", "samples/alerts/manual-list.json", "--api-version", "v6", "--json");

        Assert.Equal(3, result.ExitCode);
        using var document = JsonDocument.Parse(result.Out);
        var rejection = Assert.Single(document.RootElement.GetProperty("rejections").EnumerateArray());
        Assert.Equal("InvalidField", rejection.GetProperty("reason").GetString());
        Assert.Contains("httpInterval", rejection.GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_payload_the_intake_would_dead_letter_exits_3_with_its_reason()
    {
        using var file = TempFile.With("""{"alerts": [""");

        var result = await CliInvocation.RunAsync("map", file.Path, "--json");

        Assert.Equal(3, result.ExitCode);
        using var document = JsonDocument.Parse(result.Out);
        var rejection = Assert.Single(document.RootElement.GetProperty("rejections").EnumerateArray());
        Assert.Equal(RejectionKeys, Keys(rejection));
        Assert.Equal("InvalidJson", rejection.GetProperty("reason").GetString());
        Assert.Equal(JsonValueKind.Null, document.RootElement.GetProperty("format").ValueKind);
    }

    [Fact]
    public async Task A_plan_refused_by_the_target_policy_exits_3_and_names_the_reason()
    {
        using var file = TempFile.With("""{"testType":"http-server","url":"http://169.254.169.254/latest/meta-data/","agents":[{"agentId":"113"}]}""");

        var result = await CliInvocation.RunAsync("map", file.Path, "--json");

        Assert.Equal(3, result.ExitCode);
        using var document = JsonDocument.Parse(result.Out);
        Assert.Equal("TargetDenied", document.RootElement.GetProperty("rejections")[0].GetProperty("reason").GetString());
        Assert.Equal(0, document.RootElement.GetProperty("plans").GetArrayLength());
    }

    [Fact]
    public async Task An_understood_payload_without_a_plan_exits_0()
    {
        // A resolved alert is understood and never starts a test.
        var payload = Path.Combine(Path.GetTempPath(), $"alertprobe-resolved-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(payload, """
            {"version":"4","status":"resolved","receiver":"alertprobe","groupKey":"{}","alerts":[{"status":"resolved","fingerprint":"resolved01",
             "labels":{"alertname":"ProbeFailed","job":"blackbox","severity":"critical","instance":"https://pay.contoso.example/api/health"},
             "annotations":{},"startsAt":"2025-11-04T16:21:00Z","endsAt":"2025-11-04T16:31:00Z"}]}
            """);

        var result = await CliInvocation.RunAsync("map", payload, "--rules", "samples/rules.yaml", "--json");
        File.Delete(payload);

        Assert.Equal(0, result.ExitCode);
        using var document = JsonDocument.Parse(result.Out);
        Assert.Equal(0, document.RootElement.GetProperty("plans").GetArrayLength());
    }

    [Fact]
    public async Task A_missing_payload_file_is_a_usage_error_on_stderr()
    {
        var result = await CliInvocation.RunAsync("map", "samples/alerts/no-such-file.json");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("payload file not found", result.Error, StringComparison.Ordinal);
        Assert.Empty(result.Out);
    }

    [Theory]
    [InlineData("--api-version", "v8")]
    [InlineData("--source", "nagios")]
    [InlineData("--no-such-option", "x")]
    public async Task A_bad_option_is_a_usage_error(string option, string value)
    {
        var result = await CliInvocation.RunAsync("map", "samples/alerts/grafana.json", option, value);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("alertprobe: ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rules_file_that_does_not_load_is_a_usage_error_naming_the_setting()
    {
        using var rules = TempFile.With("version: 1\nrules:\n  - name: broken\n    match: 12\n", ".yaml");

        var result = await CliInvocation.RunAsync("map", "samples/alerts/grafana.json", "--rules", rules.Path);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Rules__Path", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Text_output_shows_the_request_and_the_settlement()
    {
        var result = await CliInvocation.RunAsync("map", "samples/alerts/grafana.json", "--rules", "samples/rules.yaml");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("POST /v7/tests/page-load/instant", result.Out, StringComparison.Ordinal);
        Assert.Contains("would create 2 test(s)", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[", result.Out, StringComparison.Ordinal);
    }

    private static string[] Keys(JsonElement element) => [.. element.EnumerateObject().Select(p => p.Name)];
}
