using System.Globalization;
using System.Text.Json.Nodes;
using AlertProbe.Core.FollowUp.Verdicts;
using AlertProbe.Core.Messages;
using AlertProbe.ThousandEyes;
using AlertProbe.ThousandEyes.Results;

namespace AlertProbe.Core.Tests.FollowUp.Verdicts;

/// <summary>
/// A healthy and a failing row of each family the engine judges, in the vendor's field names (v7
/// Test_Results_API_*TestResult; v6 developer docs, Test Data pages), and the response-code rules: a row without
/// errorType answered as the test wanted (ThousandEyes applies the test's desired status code), a row without any
/// response is a failure, and a rule's status codes are checked on top.
/// </summary>
public sealed class FamilyVerdictTests
{
    private static readonly VerdictEngine Engine = new(new VerdictThresholds());

    public static TheoryData<string, string, string> HealthyRows => new()
    {
        { "http-server", "v7", """{"responseCode":200,"responseTime":120}""" },
        { "ftp-server", "v7", """{"responseCode":226,"responseTime":300}""" },
        { "page-load", "v7", """{"pageLoadTime":1800,"numObjects":40}""" },
        { "web-transactions", "v7", """{"transactionTime":2500,"componentErrors":0}""" },
        { "transactions", "v6", """{"stepsCompleted":3,"totalSteps":3,"transactionTime":2500}""" },
        { "api", "v7", """{"completion":100,"apiTransactionTime":300}""" },
        { "dns-server", "v7", """{"server":"ns1.example.net.","resolutionTime":12,"mappings":"192.0.2.10"}""" },
        { "dns-trace", "v7", """{"queries":3,"failedQueries":0,"finalQueryTime":40,"mappings":"192.0.2.10"}""" },
        { "dnssec", "v7", """{"isValid":1}""" },
        { "dnssec", "v6", """{"valid":1}""" },
        { "sip-server", "v7", """{"availability":100,"responseCode":200,"registerTime":40}""" },
        { "rtp-server", "v7", """{"loss":0,"mos":4.3,"latency":30,"pdv":2}""" },
        { "network", "v7", """{"loss":0,"avgLatency":40,"minLatency":38,"jitter":1}""" },
    };

    [Theory]
    [MemberData(nameof(HealthyRows))]
    public void A_healthy_row_of_each_family_is_healthy(string family, string version, string row)
    {
        var verdict = Evaluate(family, version, row);

        Assert.Equal(TestVerdict.Healthy, verdict.Verdict);
        Assert.Equal("1 agent healthy", verdict.Reasons.Single().Split(':')[0]);
        Assert.Empty(verdict.Agents.Single().Errors);
    }

    public static TheoryData<string, string, string, string, string> FailingRows => new()
    {
        // family, version, row, phase, layer
        { "transactions", "v6", """{"stepsCompleted":0,"totalSteps":2}""", "Transaction", "transaction" },
        { "web-transactions", "v7", """{"errorType":"Connect","errorDetails":"connection refused"}""", "Connect", "connect" },
        { "web-transactions", "v7", """{"errorDetails":"script assertion failed"}""", "Transaction", "transaction" },
        { "api", "v7", """{"completion":100,"errorType":"DNS","errorDetails":"no such host"}""", "DNS", "dns" },
        { "api", "v7", """{"completion":99}""", "API", "application" },
        { "dns-trace", "v7", """{"queries":2,"errorDetails":"SERVFAIL"}""", "DNS", "dns" },
        { "dnssec", "v7", """{"isValid":0}""", "DNSSEC", "dnssec" },
        { "dnssec", "v6", """{"valid":0,"errorDetails":"no DS record"}""", "DNSSEC", "dnssec" },
        { "sip-server", "v7", """{"availability":0}""", "SIP", "application" },
        { "sip-server", "v7", """{"availability":0,"errorType":"Connect","problemDetail":"timed out"}""", "Connect", "connect" },
        { "http-server", "v7", """{"responseCode":0}""", "HTTP", "application" },
        { "http-server", "v7", """{}""", "HTTP", "application" },
        { "ftp-server", "v7", """{"responseCode":0}""", "FTP", "application" },
        { "http-server", "v7", """{"responseCode":0,"errorType":"DNS","errorDetails":"NXDOMAIN"}""", "DNS", "dns" },
    };

    [Theory]
    [MemberData(nameof(FailingRows))]
    public void A_failing_row_of_each_family_names_its_phase_and_layer(string family, string version, string row, string phase, string layer)
    {
        var verdict = Evaluate(family, version, row);

        Assert.Equal(TestVerdict.Failing, verdict.Verdict);
        Assert.Equal((phase, layer), (verdict.Agents.Single().Error?.Phase, verdict.Agents.Single().Error?.Layer));
    }

    [Fact]
    public void A_sip_server_that_is_unavailable_without_a_named_phase_is_described_as_unavailable()
    {
        var plain = Evaluate("sip-server", "v7", """{"availability":0}""");
        var described = Evaluate("sip-server", "v7", """{"availability":0,"problemDetail":"SIP/2.0 503 Service Unavailable"}""");

        Assert.Equal("the SIP server is unavailable", plain.Agents.Single().Error?.Detail);
        Assert.Equal("SIP/2.0 503 Service Unavailable", described.Agents.Single().Error?.Detail);
    }

    [Fact]
    public void A_dnssec_chain_that_does_not_validate_is_described_even_without_an_error_text()
    {
        var verdict = Evaluate("dnssec", "v7", """{"isValid":0}""");

        Assert.Equal("the DNSSEC chain does not validate", verdict.Agents.Single().Error?.Detail);
    }

    [Theory]
    [InlineData(0, TestVerdict.Failing, "no response")]
    [InlineData(200, TestVerdict.Healthy, null)]
    [InlineData(399, TestVerdict.Healthy, null)]
    [InlineData(400, TestVerdict.Healthy, "response code 400 accepted: ThousandEyes named no error, so it is the test's desired status code")]
    [InlineData(503, TestVerdict.Healthy, "response code 503 accepted: ThousandEyes named no error, so it is the test's desired status code")]
    public void Without_an_error_type_a_response_is_what_the_test_wanted_and_no_response_is_a_failure(int code, TestVerdict expected, string? said)
    {
        var verdict = Evaluate("http-server", "v7", $$"""{"responseCode":{{code}},"responseTime":100}""");
        var agent = verdict.Agents.Single();

        Assert.Equal(expected, verdict.Verdict);
        if (expected == TestVerdict.Failing)
        {
            Assert.Equal(said, agent.Error?.Detail);
        }
        else if (said is null)
        {
            Assert.Empty(agent.Findings);
        }
        else
        {
            Assert.Contains(said, agent.Findings);
        }
    }

    [Theory]
    [InlineData(204, TestVerdict.Healthy)]
    [InlineData(200, TestVerdict.Failing)]
    [InlineData(401, TestVerdict.Healthy)]
    public void A_rules_status_codes_are_checked_on_top_of_the_error_type(int code, TestVerdict expected)
    {
        var expectations = new VerdictExpectations { StatusCodes = [204, 401] };

        var verdict = Engine.Evaluate([Family("http-server", "v7", $$"""{"responseCode":{{code}}}""")], Agents(1), expectations: expectations);

        Assert.Equal(expected, verdict.Verdict);
        if (expected == TestVerdict.Failing)
        {
            Assert.Equal("response code 200, expected 204/401", verdict.Agents.Single().Error?.Detail);
        }
    }

    [Fact]
    public void A_failed_response_with_a_code_names_the_code_when_the_row_has_no_detail()
    {
        var verdict = Evaluate("http-server", "v7", """{"responseCode":502,"errorType":"HTTP"}""");

        Assert.Equal(("HTTP", "response code 502"), (verdict.Agents.Single().Error?.Phase, verdict.Agents.Single().Error?.Detail));
    }

    [Fact]
    public void A_failed_connection_without_a_code_has_no_detail_to_invent()
    {
        var verdict = Evaluate("http-server", "v7", """{"responseCode":0,"errorType":"Connect"}""");

        Assert.Equal(("Connect", null), (verdict.Agents.Single().Error?.Phase, verdict.Agents.Single().Error?.Detail));
    }

    [Fact]
    public void The_healthy_summary_gives_the_worst_loss_and_latency_and_the_response_codes()
    {
        var verdict = Engine.Evaluate(
            [
                Family("http-server", "v7", """{"responseCode":200}""", """{"responseCode":301}"""),
                Family("network", "v7", """{"loss":0,"avgLatency":40,"minLatency":38,"jitter":1}""", """{"loss":1,"avgLatency":90,"minLatency":85,"jitter":1}"""),
            ],
            Agents(2));

        Assert.Equal("all 2 agents healthy: loss at most 1%, latency at most 90 ms, response 200/301", verdict.Reasons.Single());
    }

    [Fact]
    public void A_failed_row_does_not_report_the_zeros_of_phases_it_never_reached()
    {
        var verdict = Evaluate("http-server", "v7", """{"responseCode":0,"errorType":"Connect","connectTime":0,"responseTime":0,"dnsTime":12}""");
        var metrics = verdict.Agents.Single().Metrics;

        Assert.False(metrics.ContainsKey("responseTime"));
        Assert.False(metrics.ContainsKey("connectTime"));
        Assert.Equal(12, metrics["dnsTime"]);
    }

    [Fact]
    public void Total_loss_reports_the_loss_and_no_latency()
    {
        var verdict = Evaluate("network", "v7", """{"loss":100,"avgLatency":0,"minLatency":0,"jitter":0}""");
        var metrics = verdict.Agents.Single().Metrics;

        Assert.Equal(100, metrics["loss"]);
        Assert.Single(metrics);
    }

    [Fact]
    public void A_later_familys_clashing_field_is_kept_under_its_family_name()
    {
        var verdict = Engine.Evaluate(
            [Family("rtp-server", "v7", """{"loss":0.5,"mos":4.3}"""), Family("network", "v7", """{"loss":3,"avgLatency":40,"minLatency":38,"jitter":1}""")],
            Agents(1));
        var metrics = verdict.Agents.Single().Metrics;

        Assert.Equal((0.5, 3.0), (metrics["loss"], metrics["network.loss"]));
    }

    private static RunVerdict Evaluate(string family, string version, string row) => Engine.Evaluate([Family(family, version, row)], Agents(1));

    private static FamilyResults Family(string family, string version, params string[] rows) =>
        new(
            TestResultFamily.Find(family)!,
            [.. rows.Select((row, i) => ThousandEyesModelFactory.TestResultRow(JsonNode.Parse(row)!.AsObject(), agentId: (i + 1).ToString(CultureInfo.InvariantCulture), agentName: $"agent {i + 1}", roundId: 1000))],
            version == "v6" ? ThousandEyesApiVersion.V6 : ThousandEyesApiVersion.V7);

    private static IReadOnlyList<TestAgentRef> Agents(int count) =>
        [.. Enumerable.Range(1, count).Select(i => new TestAgentRef { AgentId = i.ToString(CultureInfo.InvariantCulture), AgentName = $"agent {i}" })];
}
