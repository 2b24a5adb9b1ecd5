using System.Globalization;
using System.Text.Json.Nodes;
using AlertProbe.Simulator.Catalog;
using AlertProbe.Simulator.Results;
using AlertProbe.Simulator.State;
using Microsoft.AspNetCore.Http;

using HttpResults = Microsoft.AspNetCore.Http.Results;

namespace AlertProbe.Simulator.Api.V6;

/// <summary>
/// v6 test data: <c>{"{area}": {"test": …, "{key}": [ … ]}, "pages": {"current": n, "next": url}}</c> (the documented
/// envelope: no time range echoed),
/// agents flattened into each result (integer <c>agentId</c>, <c>agentName</c>, <c>countryId</c>).
/// </summary>
internal static class V6Results
{
    private const string DateFormat = "yyyy-MM-dd HH:mm:ss";

    public static IResult Get(HttpContext context, ResultFamily family, string testId, SimulatorState state)
    {
        var pageText = context.Request.Query["page"].ToString();
        var page = 1;
        if (pageText.Length > 0 && (!int.TryParse(pageText, NumberStyles.None, CultureInfo.InvariantCulture, out page) || page < 1))
        {
            return ApiErrors.Result(StatusCodes.Status400BadRequest, "page must be a positive integer.");
        }

        var lookup = ResultLookup.Find(context, ApiVersion.V6, family, testId, (page - 1) * state.ResultPageSize, state, out var error);
        if (lookup is null)
        {
            return error!;
        }

        var results = new JsonArray();
        foreach (var item in lookup.Selection.Page)
        {
            results.Add(Result(family, lookup.Test, item));
        }

        var pages = new JsonObject { ["current"] = page };
        if (lookup.Selection.NextOffset is not null)
        {
            pages["next"] = ResultLookup.LinkWith(context, "page", (page + 1).ToString(CultureInfo.InvariantCulture));
        }

        var body = new JsonObject
        {
            [family.V6Area] = new JsonObject { ["test"] = TestNode(lookup.Test), [family.V6Key] = results },
            ["pages"] = pages,
        };
        return HttpResults.Content(body.ToJsonString(), "application/json");
    }

    internal static JsonObject Result(ResultFamily family, CreatedTest test, ResultItem item, bool pathDetail = false)
    {
        var result = new JsonObject
        {
            ["agentId"] = item.Agent.AgentId,
            ["agentName"] = item.Agent.AgentName,
            ["countryId"] = item.Agent.CountryId,
            ["date"] = item.Round.RunAt.UtcDateTime.ToString(DateFormat, CultureInfo.InvariantCulture),
            ["roundId"] = item.Round.RoundId,
            ["permalink"] = $"https://app.thousandeyes.com/view/tests/?testId={test.TestId}&roundId={item.Round.RoundId}&agentId={item.Agent.AgentId}",
        };
        var context = new ResultContext(test, item.Agent, item.Round, ApiVersion.V6, item.DnsServer);
        if (pathDetail)
        {
            NetworkMetrics.PathVisDetail(result, context);
        }
        else
        {
            ResultMetrics.Write(family, result, context);
        }
        return result;
    }

    internal static JsonObject TestNode(CreatedTest test) =>
        test.ApiVersion == ApiVersion.V6
            ? test.Definition
            : new JsonObject
            {
                ["testId"] = long.Parse(test.TestId, CultureInfo.InvariantCulture),
                ["testName"] = test.TestName,
                ["type"] = TestTypes.Find(test.ApiVersion, test.TestType)?.V6Name ?? test.TestType,
            };
}
