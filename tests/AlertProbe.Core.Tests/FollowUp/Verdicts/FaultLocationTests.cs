using AlertProbe.Core.FollowUp.Verdicts;
using AlertProbe.Core.Messages;
using AlertProbe.ThousandEyes;
using AlertProbe.ThousandEyes.Results;
using static AlertProbe.Core.Tests.FollowUp.Verdicts.VendorRows;

namespace AlertProbe.Core.Tests.FollowUp.Verdicts;

/// <summary>
/// Fault localisation, one row per situation of issue 16, with result and path-visualisation rows in the vendor's
/// shapes (v7 Test_Results_API_PathVisTestResult / PathVisDetailTestResult / PathVisHop; v6 "(Network) Detailed path
/// trace"): each asserts the verdict, the rule that fired, the location line and a piece of its evidence.
/// </summary>
public sealed class FaultLocationTests
{
    private const string Target = "192.0.2.10";
    private static readonly VerdictEngine Engine = new(new VerdictThresholds());

    private static (int, string, string, string) Hop(int hop, string ip, string prefix, string network) => (hop, ip, prefix, network);

    public static TheoryData<string, TestVerdict, string, string, string> Situations() => new()
    {
        { "agent-trace-local", TestVerdict.Healthy, "agent.trace-dies-locally", "agent-side: Frankfurt, Germany (its own network); left out of the verdict", "its traces die inside its own network at hop 2 10.1.0.1" },
        { "dns-resolution", TestVerdict.Failing, "dns.resolution", "DNS: the name does not resolve from 2 agents in 2 networks (Could not resolve host)", "Frankfurt, Germany (DE): fails at DNS" },
        { "target-application", TestVerdict.Failing, "target.application-errors", "target: HTTP errors from 3 agents in 3 networks (HTTP/1.1 503 Service Unavailable)", "Tokyo, Japan (JP): fails at HTTP" },
        { "target-reached", TestVerdict.Failing, "target.reached-not-answering", "target: traces reach 192.0.2.10 but it does not answer (Connection timed out) from 2 agents", "3 of 3 traces reached 192.0.2.10" },
        { "path-shared-hop", TestVerdict.Failing, "path.shared-last-hop", "path: loss begins at hop 7, 203.0.113.9 (Level 3 Parent, LLC (AS 3356)) (traces of 2 of 2 failing agents stop there)", "traces of 1 agent that succeed avoid 203.0.113.9" },
        { "regional", TestVerdict.Failing, "regional.country", "regional: failures confined to DE (2 agents there fail; elsewhere 1 agent healthy)", "Ashburn, VA (US): succeeds" },
        { "address-family", TestVerdict.Failing, "address-family.one-family-fails", "address family: IPv6 fails (2001:db8::10) from 2 agents; IPv4 works from 2 agents", "via 2001:db8::10" },
        { "probes-filtered", TestVerdict.Healthy, "probes-filtered.application-answered", "probes filtered: network probes lost from 2 agents while the application answered; not a fault of the service", "probes filtered" },
    };

    [Theory]
    [MemberData(nameof(Situations))]
    public void Each_situation_is_located_by_its_rule_with_evidence(string situation, TestVerdict verdict, string rule, string summary, string evidence)
    {
        var (families, agents, paths) = Build(situation);

        var result = Engine.Evaluate(families, agents, paths);

        Assert.Equal((verdict, rule, summary), (result.Verdict, result.Location?.Rule, result.Location?.Summary));
        Assert.Contains(result.Location!.Evidence, line => line.Contains(evidence, StringComparison.Ordinal));
    }

    // v6 detail rows: routes[].hops[] (docs "(Network) Detailed path trace"); summary endpoints[].
    [Fact]
    public void A_v6_detailed_path_trace_locates_the_shared_hop_too()
    {
        var failing = new[] { "1", "2" };
        var http = FamilyV6(TestResultFamily.HttpServer,
            V6("1", "DE", """{"responseCode":0,"errorType":"Connect","errorDetails":"Connection timed out","serverIp":"192.0.2.10"}"""),
            V6("2", "US", """{"responseCode":0,"errorType":"Connect","errorDetails":"Connection timed out","serverIp":"192.0.2.10"}"""),
            V6("3", "JP", """{"responseCode":200,"serverIp":"192.0.2.10"}"""));
        var detail = new[] { "1", "2", "3" }.Select(agent => V6(agent, "XX", $$"""
            {"serverIp":"192.0.2.10","sourcePrefix":"10.{{agent}}.0.0/16","routes":[{"pathId":"p","hops":[
              {"hop":1,"ipAddress":"10.{{agent}}.0.1","prefix":"10.{{agent}}.0.0/16","network":"Agent net {{agent}} (AS 6450{{agent}})","responseTime":1},
              {"hop":7,"ipAddress":"{{(failing.Contains(agent) ? "203.0.113.9" : "198.51.100.1")}}","prefix":"203.0.113.0/24","network":"Level 3 Parent, LLC (AS 3356)","responseTime":20}
              {{(failing.Contains(agent) ? "" : ",{\"hop\":9,\"ipAddress\":\"192.0.2.10\",\"prefix\":\"192.0.2.0/24\",\"network\":\"Target (AS 64496)\",\"responseTime\":30}")}}]}]}
            """)).ToList();

        var paths = PathVisReader.Read([], detail, ThousandEyesApiVersion.V6);
        var result = Engine.Evaluate([http], TestAgents(3), paths);

        Assert.Equal(("path.shared-last-hop", "Frankfurt, Germany"), (result.Location?.Rule, result.Agents[0].AgentName));
        Assert.Equal("hop 7 203.0.113.9, Level 3 Parent, LLC (AS 3356)", result.Agents[0].LastHop);
    }

    [Fact]
    public void Without_path_traces_a_lone_connect_failure_is_unlocated_and_says_what_was_missing()
    {
        var result = Engine.Evaluate(
            [Family(TestResultFamily.HttpServer,
                V7("1", "DE", """{"responseCode":0,"errorType":"Connect","errorDetails":"Connection timed out"}"""),
                V7("4", "DE", """{"responseCode":200}"""),
                V7("2", "US", """{"responseCode":200}"""))],
            [new TestAgentRef { AgentId = "1" }, new TestAgentRef { AgentId = "4" }, new TestAgentRef { AgentId = "2" }]);

        Assert.Equal(("unlocated", true), (result.Location?.Rule, result.NeedsPathTraces));
        Assert.EndsWith("no rule matched, and no path traces were read", result.Location!.Summary, StringComparison.Ordinal);
    }

    private static (IReadOnlyList<FamilyResults>, IReadOnlyList<TestAgentRef>, IReadOnlyList<AgentPath>?) Build(string situation)
    {
        const string ok = """{"responseCode":200,"responseTime":120,"serverIp":"192.0.2.10"}""";
        const string timeout = """{"responseCode":0,"errorType":"Connect","errorDetails":"Connection timed out","serverIp":"192.0.2.10"}""";
        var three = TestAgents(3);
        switch (situation)
        {
            case "agent-trace-local":
                return (
                    [Family(TestResultFamily.HttpServer, V7("1", "DE", timeout), V7("2", "US", ok), V7("3", "JP", ok))],
                    three,
                    PathVisReader.Read([], [
                        PathDetail("1", Target, "10.1.0.0/16", Hop(1, "10.1.0.254", "10.1.0.0/16", "Agent net 1 (AS 64501)"), Hop(2, "10.1.0.1", "10.1.0.0/16", "Agent net 1 (AS 64501)")),
                        PathDetail("2", Target, "10.2.0.0/16", Hop(1, "10.2.0.1", "10.2.0.0/16", "Agent net 2 (AS 64502)"), Hop(9, Target, "192.0.2.0/24", "Target (AS 64496)")),
                        PathDetail("3", Target, "10.3.0.0/16", Hop(1, "10.3.0.1", "10.3.0.0/16", "Agent net 3 (AS 64503)"), Hop(9, Target, "192.0.2.0/24", "Target (AS 64496)"))], ThousandEyesApiVersion.V7));
            case "dns-resolution":
                const string noName = """{"responseCode":0,"errorType":"DNS","errorDetails":"Could not resolve host"}""";
                return ([Family(TestResultFamily.HttpServer, V7("1", "DE", noName), V7("2", "US", noName), V7("3", "JP", ok))], three, null);
            case "target-application":
                const string unavailable = """{"responseCode":503,"errorType":"HTTP","errorDetails":"HTTP/1.1 503 Service Unavailable","serverIp":"192.0.2.10"}""";
                return ([Family(TestResultFamily.HttpServer, V7("1", "DE", unavailable), V7("2", "US", unavailable), V7("3", "JP", unavailable))], three, null);
            case "target-reached":
                return (
                    [Family(TestResultFamily.HttpServer, V7("1", "DE", timeout), V7("2", "US", timeout), V7("3", "JP", ok))],
                    three,
                    PathVisReader.Read([PathSummary("1", Target, "10.1.0.0/16", Target), PathSummary("2", Target, "10.2.0.0/16", Target), PathSummary("3", Target, "10.3.0.0/16", Target)], [], ThousandEyesApiVersion.V7));
            case "path-shared-hop":
                var level3 = Hop(7, "203.0.113.9", "203.0.113.0/24", "Level 3 Parent, LLC (AS 3356)");
                return (
                    [Family(TestResultFamily.HttpServer, V7("1", "DE", timeout), V7("2", "US", timeout), V7("3", "JP", ok))],
                    three,
                    PathVisReader.Read([], [
                        PathDetail("1", Target, "10.1.0.0/16", Hop(1, "10.1.0.1", "10.1.0.0/16", "Agent net 1 (AS 64501)"), level3),
                        PathDetail("2", Target, "10.2.0.0/16", Hop(1, "10.2.0.1", "10.2.0.0/16", "Agent net 2 (AS 64502)"), level3),
                        PathDetail("3", Target, "10.3.0.0/16", Hop(1, "10.3.0.1", "10.3.0.0/16", "Agent net 3 (AS 64503)"), Hop(6, "198.51.100.1", "198.51.100.0/24", "Cogent (AS 174)"), Hop(9, Target, "192.0.2.0/24", "Target (AS 64496)"))], ThousandEyesApiVersion.V7));
            case "regional":
                return (
                    [Family(TestResultFamily.HttpServer, V7("1", "DE", timeout), V7("4", "DE", timeout), V7("2", "US", ok))],
                    [new TestAgentRef { AgentId = "1" }, new TestAgentRef { AgentId = "4" }, new TestAgentRef { AgentId = "2" }],
                    null);
            case "address-family":
                const string v6Timeout = """{"responseCode":0,"errorType":"Connect","errorDetails":"Connection timed out","serverIp":"2001:db8::10"}""";
                return (
                    [Family(TestResultFamily.HttpServer, V7("1", "DE", v6Timeout), V7("2", "US", v6Timeout), V7("3", "JP", ok), V7("4", "DE", ok))],
                    TestAgents(4),
                    null);
            default:
                return (
                    [Family(TestResultFamily.HttpServer, V7("1", "DE", ok), V7("2", "US", ok)),
                     Family(TestResultFamily.Network, V7("1", "DE", """{"loss":100.0}"""), V7("2", "US", """{"loss":100.0}"""))],
                    TestAgents(2),
                    null);
        }
    }
}
