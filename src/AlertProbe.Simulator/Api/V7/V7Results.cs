using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using AlertProbe.Simulator.Catalog;
using AlertProbe.Simulator.Results;
using AlertProbe.Simulator.State;
using Microsoft.AspNetCore.Http;

using HttpResults = Microsoft.AspNetCore.Http.Results;

namespace AlertProbe.Simulator.Api.V7;

/// <summary>
/// v7 test results: <c>{results[], test, startDate, endDate, _links{self, next}}</c>, the agent nested as
/// <c>agent{agentId, agentName, countryId, location}</c>, paging through an opaque <c>cursor</c> in <c>_links.next</c>.
/// </summary>
internal static class V7Results
{
    private const string DateFormat = "yyyy-MM-dd'T'HH:mm:ss'Z'";

    public static IResult Get(HttpContext context, string segment, string testId, SimulatorState state)
    {
        // Path visualisation is "path-vis" (v7 spec and SDK); "pathvis" is only the endpoint-agent results' spelling.
        var family = ResultFamily.All.FirstOrDefault(candidate => candidate.V7Segment == segment);
        if (family is null)
        {
            return ApiErrors.NotFound($"No result type '{segment}'.");
        }

        var cursor = context.Request.Query["cursor"].ToString();
        var offset = 0;
        if (cursor.Length > 0 && !TryReadCursor(cursor, out offset))
        {
            return ApiErrors.Result(StatusCodes.Status400BadRequest, "cursor is not valid; follow _links.next as given.");
        }

        var lookup = ResultLookup.Find(context, ApiVersion.V7, family, testId, offset, state, out var error);
        if (lookup is null)
        {
            return error!;
        }

        var results = new JsonArray();
        foreach (var item in lookup.Selection.Page)
        {
            results.Add(Result(family, lookup.Test, item));
        }

        var links = new JsonObject { ["self"] = new JsonObject { ["href"] = ResultLookup.LinkWith(context, "cursor", cursor.Length > 0 ? cursor : null) } };
        if (lookup.Selection.NextOffset is { } next)
        {
            links["next"] = new JsonObject { ["href"] = ResultLookup.LinkWith(context, "cursor", WriteCursor(next)) };
        }

        var body = new JsonObject
        {
            ["results"] = results,
            ["test"] = TestNode(lookup.Test),
            ["startDate"] = lookup.Selection.Start.UtcDateTime.ToString(DateFormat, CultureInfo.InvariantCulture),
            ["endDate"] = lookup.Selection.End.UtcDateTime.ToString(DateFormat, CultureInfo.InvariantCulture),
            ["_links"] = links,
        };
        return HttpResults.Content(body.ToJsonString(), "application/hal+json");
    }

    internal static JsonObject Result(ResultFamily family, CreatedTest test, ResultItem item, bool pathDetail = false)
    {
        var agentId = item.Agent.AgentId.ToString(CultureInfo.InvariantCulture);
        var result = new JsonObject
        {
            ["agent"] = new JsonObject
            {
                ["agentId"] = agentId,
                ["agentName"] = item.Agent.AgentName,
                ["countryId"] = item.Agent.CountryId,
                ["location"] = item.Agent.Location,
            },
            ["date"] = item.Round.RunAt.UtcDateTime.ToString(DateFormat, CultureInfo.InvariantCulture),
            ["roundId"] = item.Round.RoundId,
            ["startTime"] = item.Round.RoundId,
            ["endTime"] = item.Round.RoundId + (long)TestRound.Length.TotalSeconds,
        };
        var context = new ResultContext(test, item.Agent, item.Round, ApiVersion.V7, item.DnsServer);
        if (pathDetail)
        {
            NetworkMetrics.PathVisDetail(result, context);
        }
        else
        {
            ResultMetrics.Write(family, result, context);
        }
        result["_links"] = new JsonObject
        {
            ["appLink"] = new JsonObject
            {
                ["href"] = $"https://app.thousandeyes.com/view/tests/?testId={test.TestId}&roundId={item.Round.RoundId}&agentId={agentId}",
            },
        };
        return result;
    }

    // The envelope's test is a SimpleTest (Test_Results_API_SimpleTest), not the full definition.
    internal static JsonObject TestNode(CreatedTest test)
    {
        var node = new JsonObject
        {
            ["testId"] = test.TestId,
            ["testName"] = test.TestName,
            ["type"] = TestTypes.Find(test.ApiVersion, test.TestType)?.V7Name ?? test.TestType,
            ["createdDate"] = test.CreatedAt.UtcDateTime.ToString(DateFormat, CultureInfo.InvariantCulture),
            ["liveShare"] = false,
            ["savedEvent"] = false,
        };
        if (test.ApiVersion == ApiVersion.V7 && test.Definition["_links"] is JsonObject links)
        {
            node["_links"] = links.DeepClone();
        }

        return node;
    }

    private static string WriteCursor(int offset) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes("offset:" + offset.ToString(CultureInfo.InvariantCulture)));

    private static bool TryReadCursor(string cursor, out int offset)
    {
        offset = 0;
        Span<byte> buffer = stackalloc byte[64];
        if (!Convert.TryFromBase64String(cursor, buffer, out var written))
        {
            return false;
        }

        var text = Encoding.UTF8.GetString(buffer[..written]);
        return text.StartsWith("offset:", StringComparison.Ordinal)
               && int.TryParse(text.AsSpan(7), NumberStyles.None, CultureInfo.InvariantCulture, out offset);
    }
}
