using System.Globalization;
using System.Text.Json.Nodes;
using AlertProbe.Simulator.Catalog;
using AlertProbe.Simulator.Results;
using AlertProbe.Simulator.State;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

using HttpResults = Microsoft.AspNetCore.Http.Results;

namespace AlertProbe.Simulator.Api;

/// <summary>
/// v7 <c>GET /v7/agents/local-problems</c> (the vendor's "Agents Local Problems API" 7.0.100, schema
/// LocalProblemAgentResults: <c>localProblems[{agent{agentId, agentName, countryId, location}, startDate, endDate,
/// duration, active}]</c>, <c>startDate</c>, <c>endDate</c>, <c>_links.self</c>). A problem starts with the first round
/// of a <c>local-problem</c> situation that affects the agent and stays active. Without a range, the active ones.
/// </summary>
internal static class LocalProblemsEndpoints
{
    private const string DateFormat = "yyyy-MM-dd'T'HH:mm:ss'Z'";

    public static void MapLocalProblems(this IEndpointRouteBuilder app) =>
        app.MapGet("/v7/agents/local-problems", (HttpContext context, SimulatorState state) => Get(context, state));

    private static IResult Get(HttpContext context, SimulatorState state)
    {
        var account = AccountContext.Of(context);
        var now = state.TimeProvider.GetUtcNow();
        if (!TimeRangeParser.TryParse(ApiVersion.V7, context.Request.Query, now, out var range, out var rangeError))
        {
            return ApiErrors.Result(StatusCodes.Status400BadRequest, rangeError);
        }

        var starts = new Dictionary<long, (Agents.SimulatedAgent Agent, DateTimeOffset Start)>();
        foreach (var test in state.CreatedTests.Where(test => test.AccountGroupId == account.Aid))
        {
            foreach (var round in test.Rounds.Where(round => round.Situation is { Kind: SituationKind.AgentLocalProblem }))
            {
                foreach (var agent in test.Agents.Where(agent => round.Situation!.Affects(test, agent)))
                {
                    if (!starts.TryGetValue(agent.AgentId, out var known) || round.Start < known.Start)
                    {
                        starts[agent.AgentId] = (agent, round.Start);
                    }
                }
            }
        }

        var problems = new JsonArray();
        foreach (var (agent, start) in starts.Values.Where(entry => entry.Start <= range.End).OrderBy(entry => entry.Agent.AgentId))
        {
            problems.Add(new JsonObject
            {
                ["agent"] = new JsonObject
                {
                    ["agentId"] = agent.AgentId.ToString(CultureInfo.InvariantCulture),
                    ["agentName"] = agent.AgentName,
                    ["countryId"] = agent.CountryId,
                    ["location"] = agent.Location,
                },
                ["startDate"] = start.UtcDateTime.ToString(DateFormat, CultureInfo.InvariantCulture),
                ["endDate"] = null,
                ["duration"] = (long)(now - start).TotalSeconds,
                ["active"] = true,
            });
        }

        var body = new JsonObject
        {
            ["localProblems"] = problems,
            ["_links"] = new JsonObject { ["self"] = new JsonObject { ["href"] = ResultLookup.LinkWith(context, "cursor", null) } },
        };
        if (range.Start is { } from)
        {
            body["startDate"] = from.UtcDateTime.ToString(DateFormat, CultureInfo.InvariantCulture);
            body["endDate"] = range.End.UtcDateTime.ToString(DateFormat, CultureInfo.InvariantCulture);
        }

        return HttpResults.Content(body.ToJsonString(), "application/hal+json");
    }
}
