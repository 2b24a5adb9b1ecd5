using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using AlertProbe.Simulator.Agents;
using AlertProbe.Simulator.Catalog;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

using HttpResults = Microsoft.AspNetCore.Http.Results;

namespace AlertProbe.Simulator.Api.V7;

/// <summary>The v7 surface: instant tests, run, agents, test definitions and test results.</summary>
internal static class V7Endpoints
{
    public static void MapV7Endpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/v7/tests/{testType}/instant", (HttpContext context, string testType, SimulatorState state, ILoggerFactory loggers) =>
            InstantTestFactory.CreateAsync(context, ApiVersion.V7, testType, state, loggers.CreateLogger("AlertProbe.Simulator")));
        app.MapPost("/v7/tests/{testId}/run", Run);
        app.MapGet("/v7/tests/{testType}/{testId}", Test);
        app.MapGet("/v7/agents", Agents);
        app.MapGet("/v7/agents/{agentId}", Agent);
        app.MapGet("/v7/account-groups", AccountGroups);
        app.MapGet("/v7/test-results/{testId}/{family}", (HttpContext context, string testId, string family, SimulatorState state) =>
            V7Results.Get(context, family, testId, state));
    }

    private static IResult Run(HttpContext context, string testId, SimulatorState state, ILoggerFactory loggers)
    {
        var test = state.Run(testId, AccountContext.Of(context).Aid);
        if (test is null)
        {
            return ApiErrors.NotFound($"No instant test {testId} in this account group.");
        }

        var logger = loggers.CreateLogger("AlertProbe.Simulator");
        var round = test.RunCount;
        Log.TestRerun(logger, testId, round);
        return HttpResults.Ok();
    }

    private static IResult Test(HttpContext context, string testType, string testId, SimulatorState state)
    {
        var test = state.FindTest(testId);
        if (test is null || test.AccountGroupId != AccountContext.Of(context).Aid || test.ApiVersion != ApiVersion.V7 || test.TestType != testType)
        {
            return ApiErrors.NotFound($"No {testType} test {testId} in this account group.");
        }

        return HttpResults.Content(V7TestRepresentation.ForResponse(test.Definition, context.Request).ToJsonString(), "application/hal+json");
    }

    private static IResult Agents(HttpContext context)
    {
        var types = Values(context, "agentTypes");
        var labels = Values(context, "labels");
        // The labels filter works on the agents' labels, which the list itself does not show.
        var agents = AgentCatalog.All
            .Where(agent => labels.Count == 0 || agent.Labels.Any(label =>
                labels.Contains(label.LabelId.ToString(CultureInfo.InvariantCulture), StringComparer.Ordinal) || labels.Contains(label.Name, StringComparer.OrdinalIgnoreCase)))
            .Select(V7Agent.From)
            .Where(agent => types.Count == 0 || types.Contains(agent.AgentType, StringComparer.OrdinalIgnoreCase))
            .ToList();
        var self = ResultLookup.LinkWith(context, "cursor", null);
        var body = new V7AgentList(agents, new V7SelfLinks(new V7Link(self)));
        return HttpResults.Content(JsonSerializer.Serialize(body, SimulatorJsonContext.Default.V7AgentList), "application/hal+json");
    }

    // An agent's own resource (Agents_API_AgentDetails) is where v7 shows its labels.
    private static IResult Agent(string agentId)
    {
        if (AgentCatalog.Find(agentId) is not { } agent)
        {
            return ApiErrors.NotFound($"No agent {agentId}.");
        }

        var node = JsonSerializer.SerializeToNode(V7Agent.From(agent), SimulatorJsonContext.Default.V7Agent)!.AsObject();
        var labels = new JsonArray();
        foreach (var label in agent.Labels)
        {
            labels.Add(new JsonObject { ["labelId"] = label.LabelId.ToString(CultureInfo.InvariantCulture), ["name"] = label.Name });
        }

        node["labels"] = labels;
        return HttpResults.Content(node.ToJsonString(), "application/hal+json");
    }

    private static IResult AccountGroups(HttpContext context, SimulatorState state)
    {
        var groups = new JsonArray();
        foreach (var group in state.AccountGroups)
        {
            groups.Add(new JsonObject
            {
                ["aid"] = group.Aid,
                ["accountGroupName"] = group.Name,
                ["isCurrentAccountGroup"] = group.Aid == AccountContext.Of(context).Aid,
                ["isDefaultAccountGroup"] = group.IsDefault,
            });
        }

        return HttpResults.Content(new JsonObject { ["accountGroups"] = groups }.ToJsonString(), "application/hal+json");
    }

    private static List<string> Values(HttpContext context, string name) =>
        [.. context.Request.Query[name].SelectMany(value => (value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))];

}
