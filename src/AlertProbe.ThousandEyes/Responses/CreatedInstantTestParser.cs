using System.Text.Json.Nodes;
using AlertProbe.ThousandEyes.Http;
using AlertProbe.ThousandEyes.Requests;

namespace AlertProbe.ThousandEyes.Responses;

/// <summary>Reads a create response: v6 <c>{"test":[{…, apiLinks}]}</c>, v7 the definition with <c>_links.testResults</c>.</summary>
internal static class CreatedInstantTestParser
{
    /// <summary>The created test, or null when the body has no test id.</summary>
    public static CreatedInstantTest? Parse(JsonNode? body, InstantTestWireRequest wire, InstantTestRequest request, Uri baseAddress)
    {
        var definition = wire.ApiVersion == ThousandEyesApiVersion.V6
            ? (body?["test"] as JsonArray)?.FirstOrDefault() as JsonObject ?? body?["test"] as JsonObject
            : body as JsonObject;
        var testId = JsonNodeReader.AsString(definition?["testId"]);
        if (definition is null || string.IsNullOrWhiteSpace(testId))
        {
            return null;
        }

        var links = wire.ApiVersion == ThousandEyesApiVersion.V6 ? V6Links(definition) : V7Links(definition);
        return new CreatedInstantTest
        {
            TestId = testId,
            Type = JsonNodeReader.AsString(definition["type"]) is { Length: > 0 } type && InstantTestType.Parse(type).IsKnown
                ? InstantTestType.Parse(type)
                : request.Type,
            TestName = JsonNodeReader.AsString(definition["testName"]) ?? request.TestName,
            ApiVersion = wire.ApiVersion,
            CreatedDate = JsonNodeReader.AsDate(definition["createdDate"]),
            ResultLinks = [.. links.Select(href => Absolute(href, baseAddress)).Distinct().Select(ToResultLink)],
            Agents = Agents(definition) is { Count: > 0 } listed ? listed : [.. request.Agents.Select(agent => new TestAgentReference(agent.AgentId, null))],
            DroppedFields = wire.DroppedFields,
            Definition = definition.DeepClone().AsObject(),
        };
    }

    private static IEnumerable<string> V6Links(JsonObject definition) =>
        (definition["apiLinks"] as JsonArray ?? [])
            .OfType<JsonObject>()
            .Where(link => JsonNodeReader.AsString(link["rel"]) == "data")
            .Select(link => JsonNodeReader.AsString(link["href"]))
            .OfType<string>();

    private static IEnumerable<string> V7Links(JsonObject definition)
    {
        var testResults = definition["_links"]?["testResults"];
        var entries = testResults switch
        {
            JsonArray array => array.OfType<JsonObject>(),
            JsonObject single => [single],
            _ => [],
        };
        // HAL allows a single link object where a list is usual; a bare string href is tolerated as well.
        var bare = (testResults as JsonArray ?? []).OfType<JsonValue>().Select(JsonNodeReader.AsString);
        return entries.Select(link => JsonNodeReader.AsString(link["href"])).Concat(bare).OfType<string>().Where(href => href.Length > 0);
    }

    // A response without agents (v7 when expand=agent was not honoured) falls back to the agents asked for: the test
    // runs from exactly those, and an empty list would let "every agent reported" pass with no agent at all.
    private static List<TestAgentReference> Agents(JsonObject definition) =>
        [.. (definition["agents"] as JsonArray ?? [])
            .OfType<JsonObject>()
            .Select(agent => (Id: JsonNodeReader.AsString(agent["agentId"]), Name: JsonNodeReader.AsString(agent["agentName"])))
            .Where(agent => agent.Id is not null)
            .Select(agent => new TestAgentReference(agent.Id!, agent.Name))];

    private static string Absolute(string href, Uri baseAddress) =>
        Uri.TryCreate(href, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https"
            ? absolute.ToString()
            : new Uri(baseAddress, href.TrimStart('/')).ToString();

    private static ResultLink ToResultLink(string href) =>
        new(href, ResultPath.Parse(new Uri(href))?.Family);
}
