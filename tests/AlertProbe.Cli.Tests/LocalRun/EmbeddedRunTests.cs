using System.Text.Json;

namespace AlertProbe.Cli.Tests.LocalRun;

/// <summary>
/// <c>run</c> against the embedded simulator: the Functions' handlers end to end in-process. The simulator's
/// metrics are deterministic, so healthy verdicts for healthy targets are stable, and a target broken with
/// <c>--fail-target</c> must come out failing.
/// </summary>
public sealed class EmbeddedRunTests
{
    private static readonly string[] Verdicts = ["healthy", "degraded", "failing", "inconclusive"];
    private static readonly string[] TestKeys = ["testId", "testType", "target", "agents", "verdict", "reasons", "location", "rule", "alertId", "payload", "runs"];

    [Fact]
    public async Task Run_json_reports_each_created_test_with_a_verdict()
    {
        var result = await CliInvocation.RunAsync("run", "samples/alerts/grafana.json", "--rules", "samples/rules.yaml", "--json");

        Assert.True(result.ExitCode == 0, result.Error);
        using var document = JsonDocument.Parse(result.Out);
        var tests = document.RootElement.GetProperty("tests").EnumerateArray().ToList();
        Assert.Equal(["http-server", "page-load"], tests.Select(t => t.GetProperty("testType").GetString()).Order(StringComparer.Ordinal));
        Assert.All(tests, test =>
        {
            Assert.Equal(TestKeys, test.EnumerateObject().Select(p => p.Name));
            Assert.Contains(test.GetProperty("verdict").GetString(), Verdicts);
            Assert.NotEmpty(test.GetProperty("agents").EnumerateArray());
            Assert.Equal("https://www.contoso.example/", test.GetProperty("target").GetString());
            Assert.Equal("samples/alerts/grafana.json", test.GetProperty("payload").GetString());
        });
        Assert.Equal(0, document.RootElement.GetProperty("rejections").GetArrayLength());
        Assert.Equal(0, document.RootElement.GetProperty("errors").GetArrayLength());
    }

    [Fact]
    public async Task A_target_made_to_fail_in_the_simulator_gets_a_failing_verdict()
    {
        var result = await CliInvocation.RunAsync(
            "run", "samples/alerts/azure-monitor.json", "--rules", "samples/rules.yaml", "--fail-target", "orders.contoso.example", "--json");

        Assert.True(result.ExitCode == 0, result.Error);
        using var document = JsonDocument.Parse(result.Out);
        var test = Assert.Single(document.RootElement.GetProperty("tests").EnumerateArray());
        Assert.Equal("failing", test.GetProperty("verdict").GetString());
        Assert.NotEmpty(test.GetProperty("reasons").EnumerateArray());
    }

    [Fact]
    public async Task A_rule_that_asks_for_reruns_gets_every_run_collected()
    {
        var result = await CliInvocation.RunAsync("run", "samples/alerts/alertmanager.json", "--rules", "samples/rules.yaml", "--json");

        using var document = JsonDocument.Parse(result.Out);
        var rerun = document.RootElement.GetProperty("tests").EnumerateArray()
            .Single(t => t.GetProperty("rule").GetString() == "alertmanager-blackbox-http" && t.GetProperty("testType").GetString() == "http-server");
        var runs = rerun.GetProperty("runs").EnumerateArray().ToList();
        Assert.Equal([0, 1, 2], runs.Select(r => r.GetProperty("run").GetInt32()));
        Assert.All(runs, run => Assert.Contains(run.GetProperty("verdict").GetString(), Verdicts));
    }

    [Fact]
    public async Task A_payload_whose_agents_match_nothing_is_rejected_with_exit_3()
    {
        // The embedded simulator has no agent in Portugal.
        var payload = Path.Combine(Path.GetTempPath(), $"alertprobe-no-agents-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(payload, """{"testType":"http-server","url":"https://www.contoso.example/","agents":[{"country":"PT"}]}""");

        var result = await CliInvocation.RunAsync("run", payload, "--json");
        File.Delete(payload);

        Assert.Equal(3, result.ExitCode);
        using var document = JsonDocument.Parse(result.Out);
        var rejection = Assert.Single(document.RootElement.GetProperty("rejections").EnumerateArray());
        Assert.Equal("NoAgents", rejection.GetProperty("reason").GetString());
        Assert.Equal(payload, rejection.GetProperty("payload").GetString());
        Assert.Equal(0, document.RootElement.GetProperty("tests").GetArrayLength());
    }

    [Fact]
    public async Task The_same_payload_twice_is_one_message()
    {
        var result = await CliInvocation.RunAsync("run", "samples/alerts/pagerduty.json", "samples/alerts/pagerduty.json", "--rules", "samples/rules.yaml", "--json");

        using var document = JsonDocument.Parse(result.Out);
        Assert.Single(document.RootElement.GetProperty("tests").EnumerateArray());
        Assert.Equal(["completed", "duplicate"], document.RootElement.GetProperty("payloads").EnumerateArray().Select(p => p.GetProperty("outcome").GetString()));
    }

    [Fact]
    public async Task Text_output_ends_with_the_results_table()
    {
        var result = await CliInvocation.RunAsync("run", "samples/alerts/pagerduty.json", "--rules", "samples/rules.yaml");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("embedded simulator", result.Out, StringComparison.Ordinal);
        Assert.Contains("Instant tests", result.Out, StringComparison.Ordinal);
        Assert.Contains("vpn.contoso.example:443", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fail_target_with_a_configured_api_is_a_usage_error()
    {
        var environment = new Dictionary<string, string?> { ["ThousandEyes__BaseUrl"] = "https://api.thousandeyes.example/", ["ThousandEyes__BearerToken"] = "t" };

        var result = await CliInvocation.RunAsync(environment, "run", "samples/alerts/pagerduty.json", "--fail-target", "vpn");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--fail-target", result.Error, StringComparison.Ordinal);
    }
}
