using System.Globalization;
using System.Text.Json.Nodes;
using AlertProbe.Simulator.Agents;
using AlertProbe.Simulator.Catalog;
using AlertProbe.Simulator.Validation;
using Microsoft.AspNetCore.Http;

namespace AlertProbe.Simulator.Api.V7;

/// <summary>A v7 test definition (HAL): string <c>testId</c>, booleans, <c>_links.self</c> and <c>_links.testResults[]</c>.</summary>
internal static class V7TestRepresentation
{
    public static string SelfHref(string baseUrl, TestType type, string testId, AccountContext account) =>
        $"{baseUrl}/v7/tests/{type.V7Name}/{testId}{account.Query}";

    public static JsonObject Definition(
        string testId, string testName, TestType type, JsonObject body, ValidatedDefinition validated,
        DateTimeOffset createdAt, string baseUrl, AccountContext account)
    {
        var definition = new JsonObject
        {
            ["testId"] = testId,
            ["testName"] = testName,
            ["type"] = type.V7Name,
            ["createdDate"] = createdAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            ["createdBy"] = "API User (simulator)",
            ["liveShare"] = false,
            ["savedEvent"] = false,
        };
        foreach (var (name, value) in body)
        {
            if (!definition.ContainsKey(name) && name is not "agents" and not "_links")
            {
                definition[name] = value?.DeepClone();
            }
        }

        definition["agents"] = Agents(validated);
        var results = new JsonArray();
        foreach (var family in type.FamiliesFor(ApiVersion.V7))
        {
            results.Add(new JsonObject { ["href"] = $"{baseUrl}/v7/test-results/{testId}/{family.V7Segment}{account.Query}" });
        }

        definition["_links"] = new JsonObject
        {
            ["self"] = new JsonObject { ["href"] = SelfHref(baseUrl, type, testId, account) },
            ["testResults"] = results,
        };
        return definition;
    }

    /// <summary>
    /// The definition as a response shows it: the <c>agents</c> sub-resource only when the call asked for it with
    /// <c>expand=agent</c> (Instant_Tests_API_ExpandInstantTest; Tests_API_ExpandTest for a test's own resource).
    /// </summary>
    public static JsonObject ForResponse(JsonObject definition, HttpRequest request)
    {
        if (ExpandsAgents(request))
        {
            return definition;
        }

        var unexpanded = (JsonObject)definition.DeepClone();
        unexpanded.Remove("agents");
        return unexpanded;
    }

    private static bool ExpandsAgents(HttpRequest request) =>
        request.Query["expand"].SelectMany(value => (value ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            .Contains("agent", StringComparer.Ordinal);

    // An expanded agent is an AgentResponse (Instant_Tests_API_AgentResponse): no labels, state or source address.
    private static JsonArray Agents(ValidatedDefinition validated)
    {
        var agents = new JsonArray();
        foreach (var agent in validated.Agents)
        {
            agents.Add(new JsonObject
            {
                ["agentId"] = agent.AgentId.ToString(CultureInfo.InvariantCulture),
                ["agentName"] = agent.AgentName,
                ["agentType"] = agent.AgentType == SimulatedAgentType.Cloud ? "cloud" : "enterprise",
                ["countryId"] = agent.CountryId,
                ["location"] = agent.Location,
                ["enabled"] = agent.Enabled,
                ["ipAddresses"] = new JsonArray(agent.IpAddress),
            });
        }

        return agents;
    }
}
