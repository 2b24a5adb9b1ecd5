using AlertProbe.Core.FollowUp.Verdicts;
using AlertProbe.Core.Messages;
using AlertProbe.ThousandEyes.Results;
using static AlertProbe.Core.Tests.FollowUp.Verdicts.VendorRows;

namespace AlertProbe.Core.Tests.FollowUp.Verdicts;

/// <summary>
/// One regression test per item of issue 16's "Found" list, each with rows in the vendor's v7 (or v6) shapes, asserting
/// the verdict, the location and the evidence. Each failed on the engine before the per-layer rewrite.
/// </summary>
public sealed class FoundRegressionTests
{
    private static readonly VerdictEngine Engine = new(new VerdictThresholds());

    // Found 1. v7 Test_Results_API_HttpTestResult: errorType is "the phase of connection" that failed; the vendor's HTTP
    // error is "not 2xx/3xx, or not the desired status code", so no errorType means the code was the desired one.
    [Fact]
    public void A_health_url_answering_its_desired_401_without_an_error_type_is_healthy()
    {
        var verdict = Engine.Evaluate(
            [Family(TestResultFamily.HttpServer,
                V7("1", "DE", """{"serverIp":"192.0.2.10","responseCode":401,"responseTime":80,"errorType":"None"}""".Replace("\"errorType\":\"None\"", "\"wireSize\":10", StringComparison.Ordinal)),
                V7("2", "US", """{"serverIp":"192.0.2.10","responseCode":401,"responseTime":90}"""))],
            TestAgents(2));

        Assert.Equal((TestVerdict.Healthy, "none"), (verdict.Verdict, verdict.Location?.Layer));
        Assert.Contains("response code 401 accepted", verdict.Agents[0].Findings.Single(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_401_that_the_vendor_names_an_http_error_fails_and_a_rules_expected_code_is_checked()
    {
        var named = Engine.Evaluate(
            [Family(TestResultFamily.HttpServer, V7("1", "DE", """{"responseCode":401,"errorType":"HTTP","errorDetails":"HTTP 401 Unauthorized"}"""))], TestAgents(1));
        var expected = Engine.Evaluate(
            [Family(TestResultFamily.HttpServer, V7("1", "DE", """{"responseCode":200}"""))], TestAgents(1), expectations: new VerdictExpectations { StatusCodes = [401] });

        Assert.Equal((TestVerdict.Failing, "1 of 1 agents fail at HTTP: HTTP 401 Unauthorized"), (named.Verdict, named.Reasons[0]));
        Assert.Equal((TestVerdict.Failing, "1 of 1 agents fail at HTTP: response code 200, expected 401"), (expected.Verdict, expected.Reasons[0]));
    }

    // Found 2. HTTP answered from every agent, every network probe lost: a firewall drops the probes, the service works.
    [Fact]
    public void Http_200_from_every_agent_with_total_probe_loss_is_probes_filtered_not_failing()
    {
        var verdict = Engine.Evaluate(
            [Family(TestResultFamily.HttpServer, V7("1", "DE", """{"responseCode":200,"responseTime":120}"""), V7("2", "US", """{"responseCode":200,"responseTime":130}"""), V7("3", "JP", """{"responseCode":200,"responseTime":210}""")),
             Family(TestResultFamily.Network, V7("1", "DE", """{"loss":100.0}"""), V7("2", "US", """{"loss":100.0}"""), V7("3", "JP", """{"loss":100.0}"""))],
            TestAgents(3));

        Assert.Equal((TestVerdict.Healthy, "probes-filtered", "probes-filtered.application-answered"), (verdict.Verdict, verdict.Location?.Layer, verdict.Location?.Rule));
        Assert.Contains("network probes filtered for 3 of 3 agents: probes lost while the application answered (not counted as failing)", verdict.Reasons);
    }

    // Found 3. 45 % loss from every agent is an outage for TCP, not a slowdown.
    [Fact]
    public void Sustained_45_percent_loss_from_every_agent_fails()
    {
        var verdict = Engine.Evaluate(
            [Family(TestResultFamily.Network, V7("1", "DE", """{"loss":45.0,"avgLatency":30,"minLatency":20}"""), V7("2", "US", """{"loss":46.0,"avgLatency":90,"minLatency":80}"""))],
            TestAgents(2));

        Assert.Equal((TestVerdict.Failing, "1 of 2 agents fail at Network: 45% packet loss (failing from 20%)"), (verdict.Verdict, verdict.Reasons[0]));
    }

    // Found 3. Latency is judged against the agent's own floor: a far agent with a steady path is not degraded.
    [Theory]
    [InlineData(320.0, 310.0, TestVerdict.Healthy)]
    [InlineData(420.0, 110.0, TestVerdict.Degraded)]
    public void Latency_is_judged_against_the_agents_own_minimum_not_an_absolute_300_ms(double average, double minimum, TestVerdict expected)
    {
        var verdict = Engine.Evaluate(
            [Family(TestResultFamily.Network, V7("3", "JP", $$"""{"loss":0.0,"avgLatency":{{average}},"minLatency":{{minimum}},"maxLatency":{{average + 20}},"jitter":2}"""))],
            [new TestAgentRef { AgentId = "3" }]);

        Assert.Equal(expected, verdict.Verdict);
    }

    [Fact]
    public void An_absolute_latency_budget_from_a_rule_applies_on_top_of_the_floor()
    {
        var verdict = Engine.Evaluate(
            [Family(TestResultFamily.Network, V7("3", "JP", """{"loss":0.0,"avgLatency":320,"minLatency":310}"""))],
            [new TestAgentRef { AgentId = "3" }], overrides: new VerdictThresholds { LatencyDegradedMs = 250 });

        Assert.Equal((TestVerdict.Degraded, "latency up to 320 ms from 1 of 1 agents (threshold 250 ms)"), (verdict.Verdict, verdict.Reasons.Single()));
    }

    // Found 3. v7 Test_Results_API_RtpStreamTestResult: mos, loss (%), latency (one-way, ms), pdv (ms).
    [Theory]
    [InlineData("""{"mos":2.1,"loss":30.0,"latency":40,"pdv":2}""", TestVerdict.Failing, "Voice")]
    [InlineData("""{"mos":4.2,"loss":0.0,"latency":450,"pdv":2}""", TestVerdict.Failing, "Voice")]
    [InlineData("""{"mos":4.2,"loss":0.0,"latency":40,"pdv":45}""", TestVerdict.Degraded, null)]
    [InlineData("""{"mos":4.3,"loss":0.0,"latency":40,"pdv":2}""", TestVerdict.Healthy, null)]
    public void Voice_is_judged_by_mos_loss_one_way_latency_and_pdv(string row, TestVerdict expected, string? phase)
    {
        var verdict = Engine.Evaluate([Family(TestResultFamily.Rtp, V7("1", "DE", row))], TestAgents(1));

        Assert.Equal((expected, phase), (verdict.Verdict, verdict.Agents.Single().Error?.Phase));
    }

    // Found 4. v7 Test_Results_API_DnsServerTestResult: mappings is the final answer; a rule's expected answers judge it.
    [Fact]
    public void A_wrong_dns_answer_fails_at_dns_and_is_located_there()
    {
        var verdict = Engine.Evaluate(
            [Family(TestResultFamily.DnsServer,
                V7("1", "DE", """{"server":"ns1.example.net.","serverId":"11","resolutionTime":12,"mappings":"198.51.100.66"}"""),
                V7("2", "US", """{"server":"ns1.example.net.","serverId":"11","resolutionTime":15,"mappings":"198.51.100.66"}"""))],
            TestAgents(2), expectations: new VerdictExpectations { DnsAnswers = ["203.0.113.10"] });

        Assert.Equal((TestVerdict.Failing, "dns.wrong-answer"), (verdict.Verdict, verdict.Location?.Rule));
        Assert.Equal("DNS: wrong answer from ns1.example.net: answered 198.51.100.66, expected 203.0.113.10", verdict.Location?.Summary);
    }

    // The simulator writes an answer as "192.0.2.10 (A)": the record type beside an address is not an answer of its own.
    [Fact]
    public void A_record_type_beside_a_dns_answer_is_not_taken_for_an_answer()
    {
        var verdict = Engine.Evaluate(
            [Family(TestResultFamily.DnsServer, V7("1", "DE", """{"server":"ns1.example.net.","resolutionTime":12,"mappings":"198.51.100.66 (A)"}"""))],
            TestAgents(1), expectations: new VerdictExpectations { DnsAnswers = ["203.0.113.10"] });

        Assert.Equal("DNS: wrong answer from ns1.example.net: answered 198.51.100.66, expected 203.0.113.10", verdict.Location?.Summary);
    }

    [Fact]
    public void One_of_two_name_servers_timing_out_names_that_server_and_keeps_the_other()
    {
        var rows = new List<TestResultRow>();
        foreach (var (agent, country) in new[] { ("1", "DE"), ("2", "US"), ("3", "JP") })
        {
            rows.Add(V7(agent, country, """{"server":"ns1.example.net.","serverId":"11","resolutionTime":12,"mappings":"203.0.113.10"}"""));
            rows.Add(V7(agent, country, """{"server":"ns2.example.net.","serverId":"12","errorDetails":"Timeout"}"""));
        }

        var verdict = Engine.Evaluate([Family(TestResultFamily.DnsServer, [.. rows])], TestAgents(3));

        Assert.Equal("ns2.example.net: 3 of 3 agents fail at DNS: Timeout", verdict.Reasons[0]);
        Assert.Equal(("dns.server-down", "DNS: server ns2.example.net fails from every agent; ns1.example.net answers"), (verdict.Location?.Rule, verdict.Location?.Summary));
        Assert.Equal(6, verdict.Agents.Count);
    }

    // Found 4. v7 Test_Results_API_NetworkTestResult.direction: a bidirectional agent-to-agent test has a row per direction.
    [Fact]
    public void Agent_to_agent_rows_are_kept_per_direction()
    {
        var verdict = Engine.Evaluate(
            [Family(TestResultFamily.Network,
                V7("1", "DE", """{"direction":"to-target","loss":100.0,"serverIp":"192.0.2.20"}"""),
                V7("1", "DE", """{"direction":"from-target","loss":0.0,"avgLatency":20,"minLatency":18,"jitter":1,"serverIp":"192.0.2.20"}"""))],
            TestAgents(1));

        var byDirection = verdict.Agents.ToDictionary(agent => agent.Direction!, agent => agent);
        Assert.Equal((TestVerdict.Failing, TestVerdict.Healthy, 0.0), (byDirection["to-target"].Verdict, byDirection["from-target"].Verdict, byDirection["from-target"].Metrics["loss"]));
        Assert.Equal("to-target: 1 of 1 agents fail at Network: 100% packet loss (failing from 20%)", verdict.Reasons[0]);
    }

    // Found 5. Silent agents are neither healthy nor failing.
    [Fact]
    public void One_healthy_agent_with_four_silent_ones_is_inconclusive()
    {
        var verdict = Engine.Evaluate([Family(TestResultFamily.HttpServer, V7("1", "DE", """{"responseCode":200,"responseTime":100}"""))], TestAgents(5));

        Assert.Equal((TestVerdict.Inconclusive, "only 1 of 5 agents gave usable data (at least 50% needed): too little to judge"), (verdict.Verdict, verdict.Reasons[0]));
    }

    [Fact]
    public void One_agents_own_resolver_failing_in_a_two_agent_test_is_agent_side_not_a_failing_run()
    {
        var verdict = Engine.Evaluate(
            [Family(TestResultFamily.HttpServer,
                V7("1", "DE", """{"responseCode":0,"errorType":"DNS","errorDetails":"Could not resolve host","dnsTime":0}"""),
                V7("2", "US", """{"responseCode":200,"responseTime":100,"serverIp":"192.0.2.10"}"""))],
            TestAgents(2));

        Assert.Equal((TestVerdict.Healthy, "agent", "agent.local-resolver"), (verdict.Verdict, verdict.Location?.Layer, verdict.Location?.Rule));
        Assert.Equal("agent-side: its resolver failed (Could not resolve host) while 1 agent resolved the name", verdict.Agents.Single(a => a.AgentId == "1").Excluded);
    }

    // Found 6. All reasons of a failing agent are kept, and a failed row's zeros are not shown as measurements.
    [Fact]
    public void A_failing_agent_keeps_every_failure_and_degradation()
    {
        var verdict = Engine.Evaluate(
            [Family(TestResultFamily.HttpServer, V7("1", "DE", """{"responseCode":0,"errorType":"Receive","errorDetails":"Timeout was reached"}"""), V7("2", "US", """{"responseCode":200}""")),
             Family(TestResultFamily.Network, V7("1", "DE", """{"loss":5.0,"avgLatency":30,"minLatency":25,"jitter":40}"""), V7("2", "US", """{"loss":0.0,"avgLatency":30,"minLatency":25,"jitter":1}"""))],
            TestAgents(2));

        var agent = verdict.Agents.Single(a => a.AgentId == "1");
        Assert.Equal(["loss 5% (threshold 2%)", "jitter 40 ms (threshold 30 ms)"], agent.Findings);
        Assert.Contains("loss up to 5% from 1 of 2 agents (threshold 2%)", verdict.Reasons);
        Assert.Contains("jitter up to 40 ms from 1 of 2 agents (threshold 30 ms)", verdict.Reasons);
    }

    [Fact]
    public void A_failed_agent_shows_no_zero_placeholders_as_measurements()
    {
        var verdict = Engine.Evaluate(
            [Family(TestResultFamily.HttpServer, V7("1", "DE", """{"responseCode":0,"errorType":"Connect","errorDetails":"Connection timed out","dnsTime":12,"connectTime":0,"responseTime":0,"totalTime":0}"""))],
            TestAgents(1));

        Assert.Equal(["dnsTime"], verdict.Agents.Single().Metrics.Keys);
    }
}
