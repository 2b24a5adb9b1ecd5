using System.Globalization;
using System.Text.Json.Nodes;
using AlertProbe.Core.FollowUp.Verdicts;
using AlertProbe.Core.Messages;
using AlertProbe.ThousandEyes;
using AlertProbe.ThousandEyes.Results;

namespace AlertProbe.Core.Tests.FollowUp.Verdicts;

/// <summary>
/// Every threshold at its edge, with the default thresholds (VerdictThresholds, "from" means the threshold value itself
/// counts): the value just below is healthy, the value itself is degraded (or failing), per family that has the metric.
/// Row field names are the vendor's (v7 Test_Results_API_*TestResult; v6 developer docs, Test Data pages), as declared
/// in <see cref="VerdictFields"/>.
/// </summary>
public sealed class VerdictThresholdBoundaryTests
{
    private static readonly VerdictEngine Engine = new(new VerdictThresholds());

    public static TheoryData<string, string, string, double, string> DegradationEdges => new()
    {
        // family, version, the row without the measured field, the threshold, the reason's label
        { "http-server", "v7", """{"responseCode":200}""", 2000, "response time" },
        { "ftp-server", "v7", """{"responseCode":226}""", 2000, "response time" },
        { "ftp-server", "v6", """{"responseCode":226}""", 2000, "response time" },
        { "page-load", "v7", """{"numObjects":12}""", 10000, "page load time" },
        { "api", "v7", """{"completion":100}""", 2000, "API time" },
        { "dns-server", "v7", """{"server":"ns1.example.net.","mappings":"192.0.2.10"}""", 500, "DNS resolution time" },
        { "dns-trace", "v7", """{"queries":3,"mappings":"192.0.2.10"}""", 500, "final DNS query time" },
        { "network", "v7", """{"loss":0,"avgLatency":40,"minLatency":39}""", 30, "jitter" },
    };

    private static readonly Dictionary<string, string> MeasuredField = new(StringComparer.Ordinal)
    {
        ["http-server"] = "responseTime",
        ["ftp-server"] = "responseTime",
        ["page-load"] = "pageLoadTime",
        ["api"] = "apiTransactionTime",
        ["dns-server"] = "resolutionTime",
        ["dns-trace"] = "finalQueryTime",
        ["network"] = "jitter",
    };

    [Theory]
    [MemberData(nameof(DegradationEdges))]
    public void A_measurement_at_its_threshold_is_degraded_and_just_below_it_is_healthy(string family, string version, string row, double threshold, string label)
    {
        var at = Evaluate(family, version, With(row, MeasuredField[family], threshold));
        var below = Evaluate(family, version, With(row, MeasuredField[family], threshold - 0.5));

        Assert.Equal(
            (TestVerdict.Degraded, Invariant($"{label} up to {threshold} ms from 1 of 1 agents (threshold {threshold} ms)")),
            (at.Verdict, at.Reasons.Single()));
        Assert.Equal(TestVerdict.Healthy, below.Verdict);
        Assert.StartsWith("1 agent healthy", below.Reasons.Single(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1.9, TestVerdict.Healthy)]
    [InlineData(2.0, TestVerdict.Degraded)]
    [InlineData(19.9, TestVerdict.Degraded)]
    [InlineData(20.0, TestVerdict.Failing)]
    public void Packet_loss_is_judged_in_bands_that_start_at_their_thresholds(double loss, TestVerdict expected)
    {
        var verdict = Evaluate("network", "v7", new JsonObject { ["loss"] = loss, ["avgLatency"] = 40.0, ["minLatency"] = 39.0, ["jitter"] = 1.0 });

        Assert.Equal(expected, verdict.Verdict);
        if (expected == TestVerdict.Failing)
        {
            Assert.Equal("20% packet loss (failing from 20%)", verdict.Agents.Single().Error?.Detail);
        }
    }

    [Theory]
    [InlineData(139.5, TestVerdict.Healthy)]
    [InlineData(140.0, TestVerdict.Degraded)]
    public void Queueing_latency_counts_from_the_agents_own_minimum(double average, TestVerdict expected)
    {
        // minLatency 40: 100 ms over it is the default threshold; an agent far away (high minimum) is not degraded.
        var verdict = Evaluate("network", "v7", new JsonObject { ["loss"] = 0.0, ["avgLatency"] = average, ["minLatency"] = 40.0, ["jitter"] = 1.0 });
        var distant = Evaluate("network", "v7", new JsonObject { ["loss"] = 0.0, ["avgLatency"] = average + 300, ["minLatency"] = 340.0, ["jitter"] = 1.0 });

        Assert.Equal(expected, verdict.Verdict);
        Assert.Equal(expected, distant.Verdict);
    }

    [Fact]
    public void An_absolute_latency_budget_applies_only_when_a_rule_sets_one()
    {
        var row = new JsonObject { ["loss"] = 0.0, ["avgLatency"] = 250.0, ["minLatency"] = 240.0, ["jitter"] = 1.0 };

        var unset = Evaluate("network", "v7", row);
        var budget = Engine.Evaluate([Family("network", "v7", row)], Agents(1), overrides: new VerdictThresholds { LatencyDegradedMs = 250 });
        var roomy = Engine.Evaluate([Family("network", "v7", row)], Agents(1), overrides: new VerdictThresholds { LatencyDegradedMs = 251 });

        Assert.Equal(TestVerdict.Healthy, unset.Verdict);
        Assert.Equal((TestVerdict.Degraded, "latency up to 250 ms from 1 of 1 agents (threshold 250 ms)"), (budget.Verdict, budget.Reasons.Single()));
        Assert.Equal(TestVerdict.Healthy, roomy.Verdict);
    }

    // Voice (RTP) bands: loss 1 % / 5 %, one-way latency 150 / 400 ms, PDV 30 / 100 ms, MOS below 3.6 / 3.1.
    [Theory]
    [InlineData("loss", 0.9, TestVerdict.Healthy)]
    [InlineData("loss", 1.0, TestVerdict.Degraded)]
    [InlineData("loss", 4.9, TestVerdict.Degraded)]
    [InlineData("loss", 5.0, TestVerdict.Failing)]
    [InlineData("latency", 149.0, TestVerdict.Healthy)]
    [InlineData("latency", 150.0, TestVerdict.Degraded)]
    [InlineData("latency", 399.0, TestVerdict.Degraded)]
    [InlineData("latency", 400.0, TestVerdict.Failing)]
    [InlineData("pdv", 29.0, TestVerdict.Healthy)]
    [InlineData("pdv", 30.0, TestVerdict.Degraded)]
    [InlineData("pdv", 99.0, TestVerdict.Degraded)]
    [InlineData("pdv", 100.0, TestVerdict.Failing)]
    [InlineData("mos", 3.6, TestVerdict.Healthy)]
    [InlineData("mos", 3.59, TestVerdict.Degraded)]
    [InlineData("mos", 3.1, TestVerdict.Degraded)]
    [InlineData("mos", 3.09, TestVerdict.Failing)]
    public void Voice_metrics_are_judged_in_bands_that_start_at_their_thresholds(string field, double value, TestVerdict expected)
    {
        var row = new JsonObject { ["loss"] = 0.0, ["latency"] = 20.0, ["pdv"] = 2.0, ["mos"] = 4.3 };
        row[field] = value;

        var verdict = Evaluate("rtp-server", "v7", row);

        Assert.Equal(expected, verdict.Verdict);
        if (expected == TestVerdict.Failing)
        {
            Assert.Equal(("Voice", "voice"), (verdict.Agents.Single().Error?.Phase, verdict.Agents.Single().Error?.Layer));
        }
    }

    [Fact]
    public void A_voice_error_without_any_failing_metric_still_fails_the_stream()
    {
        var verdict = Evaluate("rtp-server", "v7", new JsonObject { ["loss"] = 0.0, ["mos"] = 4.3, ["errorDetail"] = "stream ended early" });

        Assert.Equal((TestVerdict.Failing, "stream ended early"), (verdict.Verdict, verdict.Agents.Single().Error?.Detail));
    }

    [Fact]
    public void Lost_voice_packets_past_the_failing_band_are_described_by_the_rows_error_when_it_has_one()
    {
        var described = Evaluate("rtp-server", "v7", new JsonObject { ["loss"] = 6.0, ["mos"] = 4.3, ["errorDetail"] = "jitter buffer overrun" });
        var plain = Evaluate("rtp-server", "v7", new JsonObject { ["loss"] = 6.0, ["mos"] = 4.3 });

        Assert.Equal("jitter buffer overrun", described.Agents.Single().Error?.Detail);
        Assert.Equal("voice loss 6% (failing from 5%)", plain.Agents.Single().Error?.Detail);
    }

    [Theory]
    [InlineData(2, 4, TestVerdict.Failing)]
    [InlineData(1, 4, TestVerdict.Degraded)]
    [InlineData(0, 4, TestVerdict.Healthy)]
    public void The_run_fails_from_the_failing_share_of_agents(int failing, int agents, TestVerdict expected)
    {
        var rows = Enumerable.Range(0, agents)
            .Select(i => i < failing ? new JsonObject { ["responseCode"] = 503, ["errorType"] = "HTTP", ["errorDetails"] = "HTTP 503" } : new JsonObject { ["responseCode"] = 200 })
            .ToArray();

        var verdict = Engine.Evaluate([Family("http-server", "v7", rows)], Agents(agents));

        Assert.Equal(expected, verdict.Verdict);
    }

    [Theory]
    [InlineData(1, 3, TestVerdict.Inconclusive)]
    [InlineData(2, 4, TestVerdict.Healthy)]
    [InlineData(1, 1, TestVerdict.Healthy)]
    public void At_least_the_minimum_share_of_agents_must_report_for_a_verdict(int reporting, int expectedAgents, TestVerdict expected)
    {
        var rows = Enumerable.Range(0, reporting).Select(_ => new JsonObject { ["responseCode"] = 200 }).ToArray();

        var verdict = Engine.Evaluate([Family("http-server", "v7", rows)], Agents(expectedAgents));

        Assert.Equal(expected, verdict.Verdict);
        if (expected == TestVerdict.Inconclusive)
        {
            Assert.Equal(Invariant($"only {reporting} of {expectedAgents} agents gave usable data (at least 50% needed): too little to judge"), verdict.Reasons[0]);
        }
    }

    private static RunVerdict Evaluate(string family, string version, JsonObject row) => Engine.Evaluate([Family(family, version, row)], Agents(1));

    private static JsonObject With(string json, string field, double value)
    {
        var row = JsonNode.Parse(json)!.AsObject();
        row[field] = value;
        return row;
    }

    private static FamilyResults Family(string family, string version, params JsonObject[] rows) =>
        new(
            TestResultFamily.Find(family)!,
            [.. rows.Select((row, i) => ThousandEyesModelFactory.TestResultRow(row, agentId: (i + 1).ToString(CultureInfo.InvariantCulture), agentName: $"agent {i + 1}", roundId: 1000))],
            version == "v6" ? ThousandEyesApiVersion.V6 : ThousandEyesApiVersion.V7);

    private static IReadOnlyList<TestAgentRef> Agents(int count) =>
        [.. Enumerable.Range(1, count).Select(i => new TestAgentRef { AgentId = i.ToString(CultureInfo.InvariantCulture), AgentName = $"agent {i}" })];

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
