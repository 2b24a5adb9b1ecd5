using System.Globalization;
using System.Text.Json.Nodes;
using AlertProbe.Simulator.Api.V6;
using AlertProbe.Simulator.Api.V7;
using AlertProbe.Simulator.Catalog;
using AlertProbe.Simulator.Results;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

using HttpResults = Microsoft.AspNetCore.Http.Results;

namespace AlertProbe.Simulator.Api;

/// <summary>
/// One agent's hop-by-hop path trace for one round: v7 <c>GET /v7/test-results/{testId}/path-vis/agent/{agentId}/round/{roundId}</c>
/// (Test_Results_API_PathVisDetailTestResults: <c>results</c>, <c>test</c>, <c>_links</c>), v6
/// <c>GET /v6/net/path-vis/{testId}/{agentId}/{roundId}</c> (docs "(Network) Detailed path trace": <c>net.pathVis</c>).
/// A round whose data is not ready yet (run time + result delay) has no rows, like the list endpoints.
/// </summary>
internal static class PathVisDetailEndpoints
{
    public static void MapPathVisDetail(this IEndpointRouteBuilder app)
    {
        app.MapGet("/v7/test-results/{testId}/path-vis/agent/{agentId}/round/{roundId}", (HttpContext context, string testId, string agentId, string roundId, SimulatorState state) =>
            Get(context, ApiVersion.V7, testId, agentId, roundId, state));
        app.MapGet("/v6/net/path-vis/{testId}/{agentId}/{roundId}", (HttpContext context, string testId, string agentId, string roundId, SimulatorState state) =>
            Get(context, ApiVersion.V6, testId, agentId.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? agentId[..^5] : agentId, roundId.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? roundId[..^5] : roundId, state));
    }

    private static IResult Get(HttpContext context, ApiVersion version, string testId, string agentId, string roundText, SimulatorState state)
    {
        var account = AccountContext.Of(context);
        var test = state.FindTest(testId);
        if (test is null || test.AccountGroupId != account.Aid)
        {
            return ApiErrors.NotFound($"No test {testId} in account group {account.Aid}.");
        }

        if (!TestTypes.Find(test.ApiVersion, test.TestType)!.Families.Contains(ResultFamily.PathVis))
        {
            return ApiErrors.Result(StatusCodes.Status400BadRequest, $"Test {testId} is a {test.TestType} test and has no path-vis results.");
        }

        var agent = test.Agents.FirstOrDefault(candidate => candidate.AgentId.ToString(CultureInfo.InvariantCulture) == agentId);
        if (agent is null || !long.TryParse(roundText, NumberStyles.None, CultureInfo.InvariantCulture, out var roundId))
        {
            return ApiErrors.NotFound($"No agent {agentId} or round {roundText} in test {testId}.");
        }

        var now = state.TimeProvider.GetUtcNow();
        var rows = new JsonArray();
        foreach (var round in test.Rounds.Where(round => round.RoundId == roundId && round.RunAt + state.ResultDelay <= now))
        {
            var item = new ResultItem(round, agent);
            rows.Add(version == ApiVersion.V7
                ? V7Results.Result(ResultFamily.PathVis, test, item, pathDetail: true)
                : V6Results.Result(ResultFamily.PathVis, test, item, pathDetail: true));
        }

        if (version == ApiVersion.V6)
        {
            var v6 = new JsonObject { ["net"] = new JsonObject { ["test"] = V6Results.TestNode(test), ["pathVis"] = rows } };
            return HttpResults.Content(v6.ToJsonString(), "application/json");
        }

        var body = new JsonObject
        {
            ["results"] = rows,
            ["test"] = V7Results.TestNode(test),
            ["_links"] = new JsonObject { ["self"] = new JsonObject { ["href"] = ResultLookup.LinkWith(context, "cursor", null) } },
        };
        return HttpResults.Content(body.ToJsonString(), "application/hal+json");
    }
}
