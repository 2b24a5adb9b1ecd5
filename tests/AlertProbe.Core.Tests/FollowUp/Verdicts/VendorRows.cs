using System.Globalization;
using System.Text.Json.Nodes;
using AlertProbe.Core.FollowUp.Verdicts;
using AlertProbe.Core.Messages;
using AlertProbe.ThousandEyes;
using AlertProbe.ThousandEyes.Results;

namespace AlertProbe.Core.Tests.FollowUp.Verdicts;

/// <summary>
/// Result rows in the vendor's shapes: v7 rows nest the agent (Test_Results_API_TestResultAgent) and link to the app
/// through <c>_links.appLink.href</c> (Test_Results_API_TestResultAppLinks); v6 rows are flat with <c>permalink</c>
/// (v6 developer docs, Test Data pages). Field names per family: result-rows.json.
/// </summary>
internal static class VendorRows
{
    public const long Round = 1_700_000_040;

    public static TestResultRow V7(string agentId, string country, string json)
    {
        var row = JsonNode.Parse(json)!.AsObject();
        row["agent"] = new JsonObject { ["agentId"] = agentId, ["agentName"] = Name(agentId), ["countryId"] = country, ["location"] = "somewhere" };
        row["roundId"] = Round;
        row["_links"] = new JsonObject { ["appLink"] = new JsonObject { ["href"] = $"https://app.thousandeyes.com/view/tests?testId=7&roundId={Round}&agentId={agentId}" } };
        return ThousandEyesModelFactory.TestResultRow(row, agentId: agentId, agentName: Name(agentId), countryId: country, roundId: Round);
    }

    public static TestResultRow V6(string agentId, string country, string json)
    {
        var row = JsonNode.Parse(json)!.AsObject();
        row["agentId"] = int.Parse(agentId, CultureInfo.InvariantCulture);
        row["agentName"] = Name(agentId);
        row["countryId"] = country;
        row["roundId"] = Round;
        row["permalink"] = $"https://app.thousandeyes.com/net/path-vis?__a=75&testId=7&roundId={Round}&agentId={agentId}";
        return ThousandEyesModelFactory.TestResultRow(row, agentId: agentId, agentName: Name(agentId), countryId: country, roundId: Round);
    }

    public static FamilyResults Family(TestResultFamily family, params TestResultRow[] rows) => new(family, rows, ThousandEyesApiVersion.V7);

    public static FamilyResults FamilyV6(TestResultFamily family, params TestResultRow[] rows) => new(family, rows, ThousandEyesApiVersion.V6);

    public static IReadOnlyList<TestAgentRef> TestAgents(int count) =>
        [.. Enumerable.Range(1, count).Select(i => new TestAgentRef { AgentId = i.ToString(CultureInfo.InvariantCulture), AgentName = Name(i.ToString(CultureInfo.InvariantCulture)) })];

    public static string Name(string agentId) => agentId switch
    {
        "1" => "Frankfurt, Germany",
        "2" => "Ashburn, VA",
        "3" => "Tokyo, Japan",
        "4" => "Berlin, Germany",
        _ => "agent " + agentId,
    };

    /// <summary>A v7 path-vis summary row (Test_Results_API_PathVisTestResult) with three traces ending at <paramref name="end"/>.</summary>
    public static TestResultRow PathSummary(string agentId, string serverIp, string sourcePrefix, string end) =>
        V7(agentId, "XX", $$"""
            {"serverIp":"{{serverIp}}","sourceIp":"{{sourcePrefix.Split('/')[0]}}","sourcePrefix":"{{sourcePrefix}}",
             "pathTraces":[{"ipAddress":"{{end}}","numberOfHops":9,"pathId":"a"},{"ipAddress":"{{end}}","numberOfHops":9,"pathId":"b"},{"ipAddress":"{{end}}","numberOfHops":9,"pathId":"c"}]}
            """);

    /// <summary>A v7 path-vis detail row (Test_Results_API_PathVisDetailTestResult) with three identical routes of <paramref name="hops"/>.</summary>
    public static TestResultRow PathDetail(string agentId, string serverIp, string sourcePrefix, params (int Hop, string Ip, string Prefix, string Network)[] hops)
    {
        var route = new JsonArray([.. hops.Select(hop => (JsonNode)new JsonObject { ["hop"] = hop.Hop, ["ipAddress"] = hop.Ip, ["prefix"] = hop.Prefix, ["network"] = hop.Network, ["responseTime"] = 3 * hop.Hop })]);
        var row = new JsonObject
        {
            ["serverIp"] = serverIp,
            ["sourcePrefix"] = sourcePrefix,
            ["pathTraces"] = new JsonArray(
                new JsonObject { ["pathId"] = "a", ["hops"] = route.DeepClone() },
                new JsonObject { ["pathId"] = "b", ["hops"] = route.DeepClone() },
                new JsonObject { ["pathId"] = "c", ["hops"] = route.DeepClone() }),
        };
        return V7(agentId, "XX", row.ToJsonString());
    }
}
