using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AlertProbe.Cli.Tests.LocalRun;

/// <summary>
/// A minimal ThousandEyes v7 stand-in on 127.0.0.1 (free port), deliberately not the simulator: it answers an
/// agent-to-server instant test create and that test's network results, and records what it was sent.
/// </summary>
internal sealed class FakeThousandEyesApi : IAsyncDisposable
{
    public const string TestId = "881234";

    private readonly WebApplication _app;

    private FakeThousandEyesApi(WebApplication app) => _app = app;

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Method, path and the Authorization header of every request, in arrival order.</summary>
    public ConcurrentQueue<(string Method, string Path, string? Authorization)> Requests { get; } = new();

    /// <summary>The body of the create request.</summary>
    public JsonObject? CreateBody { get; private set; }

    /// <summary>When set, the results list stays empty (data not there yet), so a run waits in real time for a re-check.</summary>
    public bool HoldResults { get; init; }

    /// <summary>Completes at the first results request (the test exists and its results are being asked for).</summary>
    public Task ResultsRequested => _resultsRequested.Task;

    private readonly TaskCompletionSource _resultsRequested = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public static async Task<FakeThousandEyesApi> StartAsync(bool holdResults = false)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var api = new FakeThousandEyesApi(app) { HoldResults = holdResults };
        app.Use(async (context, next) =>
        {
            api.Requests.Enqueue((context.Request.Method, context.Request.Path.Value ?? string.Empty, context.Request.Headers.Authorization.ToString()));
            await next(context);
        });
        app.MapPost("/v7/tests/agent-to-server/instant", async context =>
        {
            api.CreateBody = await JsonNode.ParseAsync(context.Request.Body) as JsonObject;
            var created = new JsonObject
            {
                ["testId"] = TestId,
                ["testName"] = api.CreateBody?["testName"]?.GetValue<string>(),
                ["type"] = "agent-to-server",
                ["createdDate"] = DateTimeOffset.UtcNow.ToString("O"),
                ["server"] = api.CreateBody?["server"]?.GetValue<string>(),
                ["agents"] = new JsonArray(new JsonObject { ["agentId"] = "113", ["agentName"] = "Fake Lisbon" }),
                ["_links"] = new JsonObject
                {
                    ["self"] = new JsonObject { ["href"] = $"{api.BaseAddress}v7/tests/agent-to-server/{TestId}" },
                    ["testResults"] = new JsonArray(new JsonObject { ["href"] = $"{api.BaseAddress}v7/test-results/{TestId}/network" }),
                },
            };
            context.Response.StatusCode = StatusCodes.Status201Created;
            context.Response.ContentType = "application/hal+json";
            await context.Response.WriteAsync(created.ToJsonString());
        });
        app.MapGet($"/v7/test-results/{TestId}/network", async context =>
        {
            api._resultsRequested.TrySetResult();
            if (api.HoldResults)
            {
                context.Response.ContentType = "application/hal+json";
                await context.Response.WriteAsync(new JsonObject
                {
                    ["test"] = new JsonObject { ["testId"] = TestId, ["type"] = "agent-to-server" },
                    ["results"] = new JsonArray(),
                }.ToJsonString());
                return;
            }

            var results = new JsonObject
            {
                ["test"] = new JsonObject { ["testId"] = TestId, ["type"] = "agent-to-server" },
                ["results"] = new JsonArray(new JsonObject
                {
                    ["agentId"] = "113",
                    ["agentName"] = "Fake Lisbon",
                    ["roundId"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
                    ["date"] = DateTimeOffset.UtcNow.ToString("O"),
                    ["loss"] = 0.0,
                    ["avgLatency"] = 21.5,
                    ["minLatency"] = 20.1,
                    ["maxLatency"] = 23.9,
                    ["jitter"] = 0.4,
                }),
                ["_links"] = new JsonObject { ["self"] = new JsonObject { ["href"] = $"{api.BaseAddress}v7/test-results/{TestId}/network" } },
            };
            context.Response.ContentType = "application/hal+json";
            await context.Response.WriteAsync(results.ToJsonString());
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        api.BaseAddress = new Uri(address.TrimEnd('/') + "/");
        return api;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
