using System.Text.Json.Nodes;
using AlertProbe.ThousandEyes.Http;

namespace AlertProbe.ThousandEyes.Results;

/// <summary>
/// Reads one page of results. v6: <c>{"net":{"test":{…},"metrics":[…]},"pages":{"next":…}}</c> (the area and
/// list names vary by family); v7: <c>{"results":[…],"test":{…},"_links":{"next":{"href":…}}}</c>.
/// </summary>
internal static class TestResultsParser
{
    public sealed record Page(IReadOnlyList<TestResultRow> Rows, JsonObject? Test, string? Next);

    public static Page? Parse(JsonNode? body, ThousandEyesApiVersion version)
    {
        if (body is not JsonObject root)
        {
            return null;
        }

        if (version == ThousandEyesApiVersion.V7)
        {
            return root["results"] is JsonArray results
                ? new Page(Rows(results), root["test"] as JsonObject, JsonNodeReader.AsString(root["_links"]?["next"]?["href"]))
                : null;
        }

        var area = root.Where(p => p.Key != "pages").Select(p => p.Value).OfType<JsonObject>().FirstOrDefault();
        if (area is null)
        {
            return null;
        }

        var list = area.Where(p => p.Key != "test").Select(p => p.Value).OfType<JsonArray>().FirstOrDefault() ?? [];
        return new Page(Rows(list), area["test"] as JsonObject, JsonNodeReader.AsString(root["pages"]?["next"]));
    }

    private static List<TestResultRow> Rows(JsonArray rows) =>
        [.. rows.OfType<JsonObject>().Select(Row)];

    private static TestResultRow Row(JsonObject row)
    {
        // v7 nests the agent in some families ("agent": {...}); v6 and most v7 rows are flat.
        var agent = row["agent"] as JsonObject;
        return new TestResultRow
        {
            AgentId = JsonNodeReader.AsString(row["agentId"] ?? agent?["agentId"]),
            AgentName = JsonNodeReader.AsString(row["agentName"] ?? agent?["agentName"]),
            CountryId = JsonNodeReader.AsString(row["countryId"] ?? agent?["countryId"]),
            RoundId = JsonNodeReader.AsLong(row["roundId"]),
            Date = JsonNodeReader.AsDate(row["date"]),
            Raw = row.DeepClone().AsObject(),
        };
    }
}
