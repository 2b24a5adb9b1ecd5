using System.Text.Json.Nodes;
using AlertProbe.ThousandEyes.Http;

namespace AlertProbe.ThousandEyes.Agents;

/// <summary>Reads <c>{"agents":[…]}</c> of either version into <see cref="ThousandEyesAgent"/>s.</summary>
internal static class AgentListParser
{
    public static IReadOnlyList<ThousandEyesAgent>? Parse(JsonNode? body)
    {
        if (body?["agents"] is not JsonArray agents)
        {
            return null;
        }

        return [.. agents.OfType<JsonObject>().Select(Parse).OfType<ThousandEyesAgent>()];
    }

    private static ThousandEyesAgent? Parse(JsonObject agent)
    {
        var id = JsonNodeReader.AsString(agent["agentId"]);
        if (string.IsNullOrWhiteSpace(id))
        {
            return null;
        }

        return new ThousandEyesAgent
        {
            Id = id,
            Name = JsonNodeReader.AsString(agent["agentName"]) ?? id,
            Type = NormaliseType(JsonNodeReader.AsString(agent["agentType"])),
            CountryId = JsonNodeReader.AsString(agent["countryId"]),
            Location = JsonNodeReader.AsString(agent["location"]),
            Labels = [.. Labels(agent["labels"] ?? agent["groups"])],
            Enabled = JsonNodeReader.AsBoolean(agent["enabled"]) ?? true,
            State = JsonNodeReader.AsString(agent["agentState"])?.ToLowerInvariant(),
        };
    }

    /// <summary>"Enterprise Cluster", "enterprise-cluster", "ENTERPRISE_CLUSTER" → "enterprise-cluster".</summary>
    internal static string NormaliseType(string? type) =>
        string.IsNullOrWhiteSpace(type)
            ? "unknown"
            : type.Trim().ToLowerInvariant().Replace(' ', '-').Replace('_', '-');

    // v6 groups are {groupId, name}; v7 labels are objects with a name (or plain strings in some payloads).
    private static IEnumerable<string> Labels(JsonNode? labels) =>
        (labels as JsonArray ?? [])
            .Select(label => label is JsonObject obj ? JsonNodeReader.AsString(obj["name"]) : JsonNodeReader.AsString(label))
            .OfType<string>()
            .Where(name => name.Length > 0);
}
