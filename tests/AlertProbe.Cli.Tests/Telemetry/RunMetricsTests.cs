using AlertProbe.Core.Diagnostics;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace AlertProbe.Cli.Tests.Telemetry;

/// <summary>
/// The app's metrics as a CLI run (the Functions' handlers in-process) records them: tests created, coalesced and
/// refused, dead-letters by reason, the budget left, verdicts by kind and the alert-to-verdict time.
/// </summary>
[Collection(TelemetryListeners.Name)]
public sealed class RunMetricsTests
{
    [Fact]
    public async Task A_run_counts_tests_created_and_verdicts_and_times_alert_to_verdict()
    {
        using var created = new MetricCollector<long>(AlertProbeTelemetry.Meter, AlertProbeTelemetry.TestsCreated);
        using var verdicts = new MetricCollector<long>(AlertProbeTelemetry.Meter, AlertProbeTelemetry.Verdicts);
        using var latency = new MetricCollector<double>(AlertProbeTelemetry.Meter, AlertProbeTelemetry.AlertToVerdict);
        using var budget = new MetricCollector<int>(AlertProbeTelemetry.Meter, AlertProbeTelemetry.RateBudgetRemaining);

        var result = await CliInvocation.RunAsync("run", "samples/alerts/grafana.json", "--rules", "samples/rules.yaml", "--json");

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Equal(["http-server", "page-load"], created.GetMeasurementSnapshot().Select(m => (string)m.Tags[MetricTags.TestType]!).Order(StringComparer.Ordinal));
        Assert.All(created.GetMeasurementSnapshot(), m => Assert.Equal(1, m.Value));
        var verdictTags = verdicts.GetMeasurementSnapshot().Select(m => (string)m.Tags[MetricTags.Verdict]!).ToList();
        Assert.Equal(2, verdictTags.Count);
        Assert.All(verdictTags, verdict => Assert.Equal("healthy", verdict));

        // The flow waits for results on the run's clock (about 48 s of simulated time): the alert-to-verdict time is that wait.
        var times = latency.GetMeasurementSnapshot();
        Assert.Equal(2, times.Count);
        Assert.All(times, m => Assert.InRange(m.Value, 1, 600));
        Assert.NotEmpty(budget.GetMeasurementSnapshot());
        Assert.All(budget.GetMeasurementSnapshot(), m => Assert.True(m.Value >= 0));
    }

    [Fact]
    public async Task A_second_alert_for_the_same_target_counts_as_coalesced()
    {
        using var created = new MetricCollector<long>(AlertProbeTelemetry.Meter, AlertProbeTelemetry.TestsCreated);
        using var coalesced = new MetricCollector<long>(AlertProbeTelemetry.Meter, AlertProbeTelemetry.TestsCoalesced);
        var original = await File.ReadAllTextAsync(Path.Combine(Testing.RepositoryRoot.Path, "samples", "alerts", "grafana.json"));
        var second = Path.Combine(Path.GetTempPath(), $"alertprobe-second-alert-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(second, original.Replace("9f8e7d6c5b4a3921", "0a1b2c3d4e5f6789", StringComparison.Ordinal));
        try
        {
            var result = await CliInvocation.RunAsync("run", "samples/alerts/grafana.json", second, "--rules", "samples/rules.yaml", "--json");
            Assert.True(result.ExitCode == 0, result.Error);
        }
        finally
        {
            File.Delete(second);
        }

        Assert.Equal(2, created.GetMeasurementSnapshot().Sum(m => m.Value));
        Assert.Equal(2, coalesced.GetMeasurementSnapshot().Sum(m => m.Value));
    }

    [Fact]
    public async Task A_refused_plan_counts_as_refused_and_its_dead_letter_by_reason()
    {
        using var refused = new MetricCollector<long>(AlertProbeTelemetry.Meter, AlertProbeTelemetry.TestsRefused);
        using var deadLetters = new MetricCollector<long>(AlertProbeTelemetry.Meter, AlertProbeTelemetry.DeadLetters);
        var payload = Path.Combine(Path.GetTempPath(), $"alertprobe-no-agents-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(payload, """{"testType":"http-server","url":"https://www.contoso.example/","agents":[{"country":"PT"}]}""");
        try
        {
            // The embedded simulator has no agent in Portugal.
            var result = await CliInvocation.RunAsync("run", payload, "--json");
            Assert.Equal(3, result.ExitCode);
        }
        finally
        {
            File.Delete(payload);
        }

        var refusal = Assert.Single(refused.GetMeasurementSnapshot());
        Assert.Equal("NoAgents", refusal.Tags[MetricTags.Reason]);
        var deadLetter = Assert.Single(deadLetters.GetMeasurementSnapshot());
        Assert.Equal("NoAgents", deadLetter.Tags[MetricTags.Reason]);
        Assert.Equal("intake", deadLetter.Tags[MetricTags.Function]);
    }
}
