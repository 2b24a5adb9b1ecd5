using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using AlertProbe.Simulator.Catalog;
using AlertProbe.Simulator.Validation;

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

        definition["agents"] = Agents(body, validated);
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

    private static JsonArray Agents(JsonObject body, ValidatedDefinition validated)
    {
        var requested = body["agents"]!.AsArray();
        var agents = new JsonArray();
        foreach (var agent in validated.Agents)
        {
            var node = JsonSerializer.SerializeToNode(V7Agent.From(agent), SimulatorJsonContext.Default.V7Agent)!.AsObject();
            var id = agent.AgentId.ToString(CultureInfo.InvariantCulture);
            var source = requested.OfType<JsonObject>().FirstOrDefault(entry => JsonFields.AsString(entry["agentId"]) == id);
            if (source?["sourceIpAddress"] is { } sourceIp)
            {
                node["sourceIpAddress"] = sourceIp.DeepClone();
            }

            agents.Add(node);
        }

        return agents;
    }
}
