using System.Globalization;
using System.Text.Json.Nodes;
using AlertProbe.Simulator.Agents;
using AlertProbe.Simulator.Catalog;
using AlertProbe.Simulator.Validation;

namespace AlertProbe.Simulator.Api.V6;

/// <summary>A v6 test definition: integer <c>testId</c>, 0/1 flags, <c>apiLinks</c> with one <c>data</c> link per result family.</summary>
internal static class V6TestRepresentation
{
    // v6 accepts these on instant tests but ignores them, so the echoed definition leaves them out.
    private static readonly string[] Ignored = ["interval", "subinterval", "alertsEnabled", "alertRules", "bgpMeasurements", "bgpMonitors"];

    public static JsonObject Definition(
        long testId, string testName, TestType type, JsonObject body, ValidatedDefinition validated,
        DateTimeOffset createdAt, string baseUrl, AccountContext account)
    {
        var definition = new JsonObject
        {
            ["testId"] = testId,
            ["testName"] = testName,
            ["type"] = type.V6Name,
            ["createdDate"] = createdAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
            ["createdBy"] = "API User (simulator)",
            ["enabled"] = 1,
            ["savedEvent"] = 0,
            ["liveShare"] = 0,
        };
        foreach (var (name, value) in body)
        {
            if (!Ignored.Contains(name, StringComparer.Ordinal) && !definition.ContainsKey(name) && name != "agents")
            {
                definition[name] = value?.DeepClone();
            }
        }

        definition["agents"] = Agents(validated);
        var links = new JsonArray { Link("self", $"{baseUrl}/v6/tests/{testId}{account.Query}") };
        foreach (var family in type.FamiliesFor(ApiVersion.V6))
        {
            links.Add(Link("data", $"{baseUrl}/v6/{family.V6Path}/{testId}{account.Query}"));
        }

        definition["apiLinks"] = links;
        return definition;
    }

    // The agents of a created test as the v6 Instant Tests example lists them: no flags, state or labels.
    private static JsonArray Agents(ValidatedDefinition validated)
    {
        var agents = new JsonArray();
        foreach (var agent in validated.Agents)
        {
            agents.Add(new JsonObject
            {
                ["agentId"] = agent.AgentId,
                ["agentName"] = agent.AgentName,
                ["agentType"] = agent.AgentType == SimulatedAgentType.Cloud ? "Cloud" : "Enterprise",
                ["countryId"] = agent.CountryId,
                ["ipAddresses"] = new JsonArray(agent.IpAddress),
                ["location"] = agent.Location,
            });
        }

        return agents;
    }

    private static JsonObject Link(string rel, string href) => new() { ["rel"] = rel, ["href"] = href };
}
