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

namespace AlertProbe.Simulator.Api.V6;

/// <summary>The v6 surface: instant tests, rerun, agents, test definitions and test data.</summary>
internal static class V6Endpoints
{
    public static void MapV6Endpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/v6/instant/{testType}", (HttpContext context, string testType, SimulatorState state, ILoggerFactory loggers) =>
            InstantTestFactory.CreateAsync(context, ApiVersion.V6, testType, state, loggers.CreateLogger("AlertProbe.Simulator")));
        app.MapPost("/v6/instant/{testId}/rerun", Rerun);
        app.MapGet("/v6/agents", Agents);
        app.MapGet("/v6/tests/{testId}", Test);
        app.MapGet("/v6/account-groups", AccountGroups);
        foreach (var family in ResultFamily.All.Where(family => family.V6Path is not null))
        {
            app.MapGet($"/v6/{family.V6Path}/{{testId}}", (HttpContext context, string testId, SimulatorState state) =>
                V6Results.Get(context, family, testId, state));
        }
    }

    private static IResult Rerun(HttpContext context, string testId, SimulatorState state, ILoggerFactory loggers)
    {
        var test = long.TryParse(testId, NumberStyles.None, CultureInfo.InvariantCulture, out _)
            ? state.Run(testId, AccountContext.Of(context).Aid)
            : null;
        if (test is null)
        {
            return ApiErrors.NotFound($"No instant test {testId} in this account group.");
        }

        var logger = loggers.CreateLogger("AlertProbe.Simulator");
        var round = test.RunCount;
        Log.TestRerun(logger, testId, round);
        return HttpResults.Ok();
    }

    private static IResult Agents(HttpContext context)
    {
        var types = context.Request.Query["agentTypes"]
            .SelectMany(value => (value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .ToList();
        var agents = AgentCatalog.All
            .Where(agent => types.Count == 0 || types.Any(type => string.Equals(type, agent.AgentType.ToString(), StringComparison.OrdinalIgnoreCase)))
            .Select(V6Agent.From)
            .ToList();
        return HttpResults.Content(JsonSerializer.Serialize(new V6AgentList(agents), SimulatorJsonContext.Default.V6AgentList), "application/json");
    }

    private static IResult Test(HttpContext context, string testId, SimulatorState state)
    {
        var test = state.FindTest(testId);
        if (test is null || test.AccountGroupId != AccountContext.Of(context).Aid || test.ApiVersion != ApiVersion.V6)
        {
            return ApiErrors.NotFound($"No test {testId} in this account group.");
        }

        return HttpResults.Content(new JsonObject { ["test"] = new JsonArray(test.Definition) }.ToJsonString(), "application/json");
    }

    private static IResult AccountGroups(HttpContext context, SimulatorState state)
    {
        var current = AccountContext.Of(context).Aid;
        var groups = new JsonArray();
        foreach (var group in state.AccountGroups)
        {
            groups.Add(new JsonObject
            {
                ["aid"] = long.Parse(group.Aid, CultureInfo.InvariantCulture),
                ["accountGroupName"] = group.Name,
                ["current"] = group.Aid == current ? 1 : 0,
                ["default"] = group.IsDefault ? 1 : 0,
            });
        }

        return HttpResults.Content(new JsonObject { ["accountGroups"] = groups }.ToJsonString(), "application/json");
    }
}
