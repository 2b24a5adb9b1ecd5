using System.Text.Json.Nodes;
using AlertProbe.ThousandEyes.Http;

namespace AlertProbe.ThousandEyes.Results;

/// <summary>
/// Reads one page of results. v6: <c>{"net":{"test":{…},"metrics":[…]},"pages":{"next":…}}</c> (the area and
/// list names vary by family); v7: <c>{"results":[…],"test":{…},"_links":{"next":{"href":…}}}</c>. The next-page
/// link is the pager's business (<see cref="PageLinks"/>).
/// </summary>
internal static class TestResultsParser
{
    public sealed record Page(IReadOnlyList<TestResultRow> Rows, JsonObject? Test);

    public static Page? Parse(JsonNode? body, ThousandEyesApiVersion version)
    {
        if (body is not JsonObject root)
        {
            return null;
        }

        if (version == ThousandEyesApiVersion.V7)
        {
            // A round without data may leave "results" out; the envelope (test, _links, dates) still says what this is.
            var results = root["results"] as JsonArray
                ?? (root.ContainsKey("test") || root.ContainsKey("_links") || root.ContainsKey("startDate") ? [] : null);
            return results is null
                ? null
                : new Page(Rows(results), root["test"] as JsonObject);
        }

        var area = root.Where(p => p.Key is not ("pages" or "_links")).Select(p => p.Value).OfType<JsonObject>().FirstOrDefault();
        if (area is null)
        {
            return null;
        }

        var list = area.Where(p => p.Key != "test").Select(p => p.Value).OfType<JsonArray>().FirstOrDefault() ?? [];
        return new Page(Rows(list), area["test"] as JsonObject);
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
            Raw = WithoutNoErrorMarker(row.DeepClone().AsObject()),
        };
    }

    // v6 web rows carry "errorType": "None" on success (documented example of /v6/web/http-server); a phase named
    // "None" is not a failure, so it is dropped here and consumers can read any errorType as a failed phase.
    private static JsonObject WithoutNoErrorMarker(JsonObject row)
    {
        if (JsonNodeReader.AsString(row["errorType"]) is { } errorType
            && (errorType.Trim().Length == 0 || errorType.Trim().Equals("none", StringComparison.OrdinalIgnoreCase)))
        {
            row.Remove("errorType");
        }

        return row;
    }
}
