using System.Text.Json;
using AlertProbe.Cli.LocalRun;
using AlertProbe.Cli.Output;
using Spectre.Console;

namespace AlertProbe.Cli.Tests.LocalRun;

/// <summary>What <c>run</c> prints: a versioned document with the rules in effect, a verdict exit code on request, and readable lines.</summary>
public sealed class RunOutputTests
{
    [Fact]
    public async Task Run_json_carries_its_version_first_and_the_rules_in_effect()
    {
        var result = await CliProcess.RunAsync("run", "samples/alerts/pagerduty.json", "--rules", "samples/rules.yaml", "--json");

        Assert.True(result.ExitCode == 0, result.Error);
        using var document = JsonDocument.Parse(result.Out);
        var first = document.RootElement.EnumerateObject().First();
        Assert.Equal(("version", 2), (first.Name, first.Value.GetInt32()));
        Assert.Equal("option", document.RootElement.GetProperty("rules").GetProperty("origin").GetString());
    }

    [Theory]
    [InlineData("failing", ExitCodes.VerdictReached)]
    [InlineData("degraded", ExitCodes.VerdictReached)]
    public async Task Fail_on_turns_a_verdict_into_its_own_exit_code(string level, int expected)
    {
        var result = await CliProcess.RunAsync(
            "run", "samples/alerts/azure-monitor.json", "--rules", "samples/rules.yaml", "--fail-target", "orders.contoso.example", "--fail-on", level);

        Assert.True(result.ExitCode == expected, $"exit {result.ExitCode}:{Environment.NewLine}{result.Error}");
        Assert.Contains($"alertprobe: --fail-on {level}: ", result.Error, StringComparison.Ordinal);
        Assert.Contains(" failing", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fail_on_leaves_healthy_verdicts_at_exit_0()
    {
        var result = await CliInvocation.RunAsync("run", "samples/alerts/pagerduty.json", "--rules", "samples/rules.yaml", "--fail-on", "degraded");

        Assert.True(result.ExitCode == 0, result.Error);
    }

    [Fact]
    public async Task Progress_lines_name_their_subject_once()
    {
        var result = await CliInvocation.RunAsync("run", "samples/alerts/grafana.json", "--rules", "samples/rules.yaml");

        var lines = result.Out.Split('\n').Where(l => l.StartsWith('+')).ToList();
        Assert.NotEmpty(lines);
        Assert.All(lines, line =>
        {
            var subject = System.Text.RegularExpressions.Regex.Match(line, @"test \d+ run \d+");
            Assert.True(!subject.Success || line.IndexOf(subject.Value, subject.Index + 1, StringComparison.Ordinal) < 0, $"repeats its subject: {line}");
        });
    }

    [Fact]
    public async Task A_single_agent_verdict_reads_1_agent()
    {
        using var payload = TempFile.With("""{"testType":"http-server","url":"https://www.contoso.example/","agents":[{"agentId":"113"}],"followUp":{"collect":true}}""");

        var result = await CliInvocation.RunAsync("run", payload.Path, "--json");

        using var document = JsonDocument.Parse(result.Out);
        var reason = document.RootElement.GetProperty("tests")[0].GetProperty("reasons")[0].GetString();
        Assert.StartsWith("1 agent healthy", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void The_table_keeps_a_long_url_whole_on_a_100_column_terminal()
    {
        const string Url = "https://checkout-payments.eu-west.contoso.example/api/v2/health/readiness";
        using var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors, Out = new AnsiConsoleOutput(writer) });
        console.Profile.Width = 100;
        var result = new RunResult
        {
            Document = new RunDocument
            {
                Rules = new RulesInEffect { Origin = RulesInEffect.BuiltIn, Path = null },
                Tests =
                [
                    new RunTest
                    {
                        TestId = "7000001", TestType = "http-server", Target = Url, Verdict = "healthy", Rule = "r", AlertId = "a", Payload = "p", Location = null,
                        Reasons = ["all 3 agents healthy: loss at most 0%, latency at most 114 ms, response 200"],
                        Agents = [new RunAgent { AgentId = "113", AgentName = "Frankfurt, Germany", CountryId = "DE", Verdict = "healthy" }],
                        Runs = [new RunOfTest { Run = 0, CreatedAt = DateTimeOffset.UnixEpoch, Verdict = "healthy", Reasons = [] }],
                    },
                ],
                Rejections = [],
                Payloads = [],
                Errors = [],
            },
        };

        RunRenderer.RenderReport(console, result, TimeSpan.FromSeconds(1));

        Assert.Contains(writer.ToString().Split('\n'), line => line.Contains(Url, StringComparison.Ordinal));
    }
}
