using AlertProbe.Core.FollowUp.Verdicts;
using AlertProbe.Core.Messages;
using AlertProbe.Core.Tests.FollowUp.Support;
using AlertProbe.Simulator.State;
using AlertProbe.ThousandEyes.Results;
using static AlertProbe.Core.Tests.FollowUp.Verdicts.VendorRows;

namespace AlertProbe.Core.Tests.FollowUp.Verdicts;

/// <summary>
/// Cloud Agents ThousandEyes flags with local problems (v7 <c>GET /agents/local-problems</c>, the vendor's "Agents Local
/// Problems API" 7.0.100: agent-side impairment, not the target down) are agent-side: named and left out of the run.
/// </summary>
public sealed class LocalProblemsTests
{
    private static readonly VerdictEngine Engine = new(new VerdictThresholds());

    private static readonly FamilyResults[] OneOfThreeFails =
    [
        Family(TestResultFamily.HttpServer,
            V7("1", "DE", """{"serverIp":"192.0.2.10","responseCode":0,"errorType":"Connect","errorDetails":"Connection timed out"}"""),
            V7("2", "US", """{"serverIp":"192.0.2.10","responseCode":200,"responseTime":120}"""),
            V7("3", "JP", """{"serverIp":"192.0.2.10","responseCode":200,"responseTime":210}""")),
    ];

    [Fact]
    public void A_failing_agent_the_vendor_flags_with_local_problems_is_agent_side_and_left_out()
    {
        var verdict = Engine.Evaluate(OneOfThreeFails, TestAgents(3), localProblems: new Dictionary<string, string> { ["1"] = "ThousandEyes reports local problems on this agent since 2026-12-02 05:00 UTC (active)" });

        Assert.Equal((TestVerdict.Healthy, "agent.local-problems"), (verdict.Verdict, verdict.Location?.Rule));
        Assert.Equal("agent-side: Frankfurt, Germany (ThousandEyes reports local problems); left out of the verdict", verdict.Location?.Summary);
        Assert.Equal("agent-side: ThousandEyes reports local problems on this agent since 2026-12-02 05:00 UTC (active)", verdict.Agents.Single(a => a.AgentId == "1").Excluded);
    }

    [Fact]
    public void The_same_failure_without_the_flag_counts_against_the_run()
    {
        var verdict = Engine.Evaluate(OneOfThreeFails, TestAgents(3));

        Assert.Equal(TestVerdict.Degraded, verdict.Verdict);
        Assert.Null(verdict.Agents.Single(a => a.AgentId == "1").Excluded);
    }

    [Fact]
    public void A_flagged_agent_that_succeeds_is_not_named()
    {
        var verdict = Engine.Evaluate(OneOfThreeFails, TestAgents(3), localProblems: new Dictionary<string, string> { ["2"] = "flagged" });

        Assert.NotEqual("agent.local-problems", verdict.Location?.Rule);
        Assert.All(verdict.Agents, agent => Assert.Null(agent.Excluded));
    }

    // Through the collector: the simulator fails agent 113 (traces stopping in its transit, not its own network) and
    // lists it in /v7/agents/local-problems; only the vendor's flag can make it agent-side.
    [Fact]
    public async Task The_collector_reads_local_problems_and_publishes_the_agent_side_location()
    {
        await using var host = await FollowUpHost.StartAsync();
        host.Simulator.State.SetSituation("flagged-agent.example.com", Situation.TryParse("local-problem", out var situation, out _) ? situation! : throw new InvalidOperationException());
        await host.CreateTestAsync("https://flagged-agent.example.com/");
        host.Time.Advance(TimeSpan.FromMinutes(1));

        await host.DeliverDueAsync();

        var results = CollectResultsHandlerTests.Published(host);
        Assert.Equal((TestVerdict.Healthy, "agent.local-problems"), (results.Verdict, results.Location?.Rule));
        Assert.StartsWith("agent-side: ThousandEyes reports local problems on this agent since", results.Agents.Single(a => a.AgentId == "113").Excluded, StringComparison.Ordinal);
        Assert.Contains(host.Simulator.State.ReceivedRequests, request => request.PathAndQuery.StartsWith("/v7/agents/local-problems?", StringComparison.Ordinal));
    }
}
