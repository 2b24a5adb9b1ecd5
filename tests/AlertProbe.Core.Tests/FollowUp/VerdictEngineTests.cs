using System.Text.Json.Nodes;
using AlertProbe.Core.FollowUp.Verdicts;
using AlertProbe.Core.Messages;
using AlertProbe.ThousandEyes;
using AlertProbe.ThousandEyes.Results;

namespace AlertProbe.Core.Tests.FollowUp;

public sealed class VerdictEngineTests
{
    private static readonly VerdictEngine Engine = new(new VerdictThresholds());

    private static IReadOnlyList<TestAgentRef> Agents(int count) =>
        [.. Enumerable.Range(1, count).Select(i => new TestAgentRef { AgentId = i.ToString(System.Globalization.CultureInfo.InvariantCulture), AgentName = $"agent {i}" })];

    private static FamilyResults Family(TestResultFamily family, params JsonObject[] rows) => Family(ThousandEyesApiVersion.V7, family, rows);

    private static FamilyResults Family(ThousandEyesApiVersion version, TestResultFamily family, params JsonObject[] rows) =>
        new(family, [.. rows.Select((row, i) => ThousandEyesModelFactory.TestResultRow(row, agentId: (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), agentName: $"agent {i + 1}", roundId: 1000))], version);

    private static JsonObject Http(int code, string? errorType = null, string? detail = null, double responseTime = 120)
    {
        var row = new JsonObject { ["responseCode"] = code, ["responseTime"] = responseTime };
        if (errorType is not null)
        {
            row["errorType"] = errorType;
            row["errorDetails"] = detail;
        }

        return row;
    }

    private static JsonObject Net(double loss, double latency = 40, double jitter = 1) =>
        new() { ["loss"] = loss, ["avgLatency"] = latency, ["jitter"] = jitter };

    [Fact]
    public void Three_of_five_agents_failing_is_failing_with_the_count_phase_and_detail()
    {
        var verdict = Engine.Evaluate(
            [Family(TestResultFamily.HttpServer, Http(503, "HTTP", "HTTP 503"), Http(503, "HTTP", "HTTP 503"), Http(503, "HTTP", "HTTP 503"), Http(200), Http(200))],
            Agents(5));

        Assert.Equal((TestVerdict.Failing, "3 of 5 agents fail at HTTP: HTTP 503"), (verdict.Verdict, verdict.Reasons[0]));
    }

    [Fact]
    public void One_of_five_agents_failing_is_degraded_not_failing()
    {
        var verdict = Engine.Evaluate(
            [Family(TestResultFamily.HttpServer, Http(0, "Connect", "timed out"), Http(200), Http(200), Http(200), Http(200))],
            Agents(5));

        Assert.Equal((TestVerdict.Degraded, "1 of 5 agents fail at Connect: timed out"), (verdict.Verdict, verdict.Reasons[0]));
    }

    [Fact]
    public void Loss_past_the_threshold_from_some_agents_is_degraded_with_the_worst_loss()
    {
        var verdict = Engine.Evaluate([Family(TestResultFamily.Network, Net(12), Net(5), Net(0), Net(0), Net(1))], Agents(5));

        Assert.Equal((TestVerdict.Degraded, "loss up to 12% from 2 of 5 agents (threshold 2%)"), (verdict.Verdict, verdict.Reasons.Single()));
    }

    [Theory]
    [InlineData(450.0, 1.0, "queueing latency up to 410 ms from 1 of 1 agents (threshold 100 ms)")]
    [InlineData(40.0, 45.0, "jitter up to 45 ms from 1 of 1 agents (threshold 30 ms)")]
    public void Slow_or_jittery_paths_are_degraded(double latency, double jitter, string reason)
    {
        var row = Net(0, latency, jitter);
        row["minLatency"] = 40.0;
        var verdict = Engine.Evaluate([Family(TestResultFamily.Network, row)], Agents(1));

        Assert.Equal((TestVerdict.Degraded, reason), (verdict.Verdict, verdict.Reasons.Single()));
    }

    [Fact]
    public void Total_loss_fails_the_agent_at_the_network()
    {
        var verdict = Engine.Evaluate([Family(TestResultFamily.Network, new JsonObject { ["loss"] = 100.0 })], Agents(1));

        Assert.Equal(("Network", "100% packet loss (failing from 20%)"), (verdict.Agents.Single().Error?.Phase, verdict.Agents.Single().Error?.Detail));
    }

    // Rows in the vendor's names (v7 Test Results API schemas Test_Results_API_*TestResult).
    [Theory]
    [InlineData("sip-server", """{"availability":0,"errorType":"register","problemDetail":"SIP/2.0 503"}""", "register", "SIP/2.0 503")]
    [InlineData("web-transactions", """{"componentErrors":2,"errorType":"DNS","errorDetails":"no such host"}""", "DNS", "no such host")]
    [InlineData("api", """{"completion":50,"errorDetails":"assertion failed"}""", "API", "assertion failed")]
    [InlineData("dns-server", """{"errorDetails":"NXDOMAIN"}""", "DNS", "NXDOMAIN")]
    [InlineData("dns-trace", """{"queries":3,"errorDetails":"no referral"}""", "DNS", "no referral")]
    [InlineData("ftp-server", """{"responseCode":550,"errorType":"Receive"}""", "Receive", "response code 550")]
    [InlineData("page-load", """{"numObjects":1,"numErrors":1}""", "Page load", "no page load time reported")]
    [InlineData("rtp-server", """{"loss":100,"mos":1,"errorDetail":"No RTP packets"}""", "Voice", "No RTP packets")]
    public void Each_familys_failure_names_its_phase_and_detail(string family, string row, string phase, string detail)
    {
        var verdict = Engine.Evaluate([Family(TestResultFamily.Find(family)!, JsonNode.Parse(row)!.AsObject())], Agents(1));

        Assert.Equal((TestVerdict.Failing, phase, detail), (verdict.Verdict, verdict.Agents.Single().Error?.Phase, verdict.Agents.Single().Error?.Detail));
    }

    // Source: v7 Test_Results_API_ApiTestResult: apiTransactionTime (the API rows have no totalTime).
    [Fact]
    public void A_slow_v7_api_transaction_is_degraded_by_its_api_transaction_time()
    {
        var verdict = Engine.Evaluate([Family(TestResultFamily.Api, new JsonObject { ["completion"] = 100.0, ["apiTransactionTime"] = 4500.0 })], Agents(1));

        Assert.Equal((TestVerdict.Degraded, "API time up to 4500 ms from 1 of 1 agents (threshold 2000 ms)"), (verdict.Verdict, verdict.Reasons.Single()));
    }

    // Source: v6 docs, Test Data "(Web) Transactions": stepsCompleted / totalSteps, no error fields.
    [Fact]
    public void A_v6_transaction_that_completed_fewer_steps_than_it_has_fails()
    {
        var verdict = Engine.Evaluate(
            [Family(ThousandEyesApiVersion.V6, TestResultFamily.Transactions, new JsonObject { ["stepsCompleted"] = 1, ["totalSteps"] = 3, ["componentErrors"] = 2 })],
            Agents(1));

        Assert.Equal((TestVerdict.Failing, "1 of 3 steps completed"), (verdict.Verdict, verdict.Agents.Single().Error?.Detail));
    }

    // Page-load rows carry no responseCode/errorType (v7 Test_Results_API_PageLoadTestResult, v6 "(Web) Page Load").
    [Fact]
    public void A_page_load_tests_http_failure_is_named_from_its_http_rows_not_as_an_unfinished_page()
    {
        var verdict = Engine.Evaluate(
            [Family(TestResultFamily.PageLoad, new JsonObject { ["numErrors"] = 1 }), Family(TestResultFamily.HttpServer, Http(503, "HTTP", "HTTP 503"))],
            Agents(1));

        Assert.Equal(("HTTP", "HTTP 503"), (verdict.Agents.Single().Error?.Phase, verdict.Agents.Single().Error?.Detail));
    }

    [Fact]
    public void Reading_a_field_the_table_does_not_declare_for_the_family_is_refused()
    {
        var row = new RowView(new JsonObject(), TestResultFamily.Api, ThousandEyesApiVersion.V7, VerdictFields.For(TestResultFamily.Api, ThousandEyesApiVersion.V7)!);

        Assert.Throws<InvalidOperationException>(() => row.Number("totalTime"));
    }

    // Source: v7 Test Results API, schema Test_Results_API_DnssecTestResult (isValid boolean + errorDetails).
    [Fact]
    public void A_v7_dnssec_row_whose_chain_is_not_valid_fails_the_agent()
    {
        var verdict = Engine.Evaluate([Family(TestResultFamily.Dnssec, new JsonObject { ["isValid"] = false, ["errorDetails"] = "No DNSSEC public key(s)" })], Agents(1));

        Assert.Equal((TestVerdict.Failing, "DNSSEC", "No DNSSEC public key(s)"),
            (verdict.Verdict, verdict.Agents.Single().Error?.Phase, verdict.Agents.Single().Error?.Detail));
    }

    // Source: v6 developer docs, test data "(DNS) DNSSEC" (valid 1/0 + errorDetails).
    [Fact]
    public void A_v6_dnssec_row_with_valid_0_fails_the_agent()
    {
        var verdict = Engine.Evaluate([Family(ThousandEyesApiVersion.V6, TestResultFamily.Dnssec, new JsonObject { ["valid"] = 0 })], Agents(1));

        Assert.Equal((TestVerdict.Failing, "DNSSEC"), (verdict.Verdict, verdict.Agents.Single().Error?.Phase));
    }

    [Fact]
    public void A_low_voice_mos_is_degraded()
    {
        var verdict = Engine.Evaluate([Family(TestResultFamily.Rtp, new JsonObject { ["loss"] = 0.1, ["mos"] = 3.3 })], Agents(1));

        Assert.Equal((TestVerdict.Degraded, "MOS down to 3.3 from 1 of 1 agents (threshold 3.6)"), (verdict.Verdict, verdict.Reasons.Single()));
    }

    [Fact]
    public void The_tests_own_family_keeps_plain_metric_names_and_a_clashing_network_field_is_prefixed()
    {
        var verdict = Engine.Evaluate(
            [Family(TestResultFamily.Rtp, new JsonObject { ["loss"] = 0.2, ["mos"] = 4.3 }), Family(TestResultFamily.Network, Net(1))],
            Agents(1));

        var metrics = verdict.Agents.Single().Metrics;
        Assert.Equal((0.2, 1.0, 40.0), (metrics["loss"], metrics["network.loss"], metrics["avgLatency"]));
    }

    [Fact]
    public void Agents_without_rows_are_inconclusive_and_named_in_a_reason()
    {
        var verdict = Engine.Evaluate([Family(TestResultFamily.HttpServer, Http(200), Http(200))], Agents(3));

        Assert.Equal(
            (TestVerdict.Healthy, TestVerdict.Inconclusive, "no data from 1 of 3 agents (agent 3)"),
            (verdict.Verdict, verdict.Agents.Single(a => a.AgentId == "3").Verdict, verdict.Reasons[^1]));
    }

    [Fact]
    public void No_rows_at_all_is_inconclusive()
    {
        var verdict = Engine.Evaluate([Family(TestResultFamily.HttpServer)], Agents(2));

        Assert.Equal((TestVerdict.Inconclusive, 2), (verdict.Verdict, verdict.Agents.Count(a => a.Verdict == TestVerdict.Inconclusive)));
    }

    [Fact]
    public void The_failing_share_is_configurable()
    {
        var strict = new VerdictEngine(new VerdictThresholds { FailingAgentShare = 0.2 });

        var verdict = strict.Evaluate([Family(TestResultFamily.HttpServer, Http(500, "HTTP", "HTTP 500"), Http(200), Http(200), Http(200), Http(200))], Agents(5));

        Assert.Equal(TestVerdict.Failing, verdict.Verdict);
    }

    [Fact]
    public void A_healthy_run_summarises_loss_latency_and_response_codes()
    {
        var verdict = Engine.Evaluate([Family(TestResultFamily.HttpServer, Http(200), Http(200)), Family(TestResultFamily.Network, Net(0, 35), Net(1, 80))], Agents(2));

        Assert.Equal("all 2 agents healthy: loss at most 1%, latency at most 80 ms, response 200", verdict.Reasons.Single());
    }
}
