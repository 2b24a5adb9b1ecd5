using System.Text.Json.Nodes;
using AlertProbe.Core.Alerts;
using AlertProbe.Core.FollowUp;
using AlertProbe.Core.FollowUp.Collection;
using AlertProbe.Core.FollowUp.Reruns;
using AlertProbe.Core.Messages;
using AlertProbe.Functions.FollowUp;
using AlertProbe.Functions.Messaging;
using AlertProbe.Testing.Simulator;
using AlertProbe.ThousandEyes;
using AlertProbe.ThousandEyes.Requests;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AlertProbe.Functions.Tests.FollowUp;

/// <summary>
/// CollectResults and RerunTests wired as the app wires them (<c>AddAlertProbeFollowUp</c>) against the simulator on
/// loopback, with the in-memory ledger and bus: only the settlement actions are mocked by the tests.
/// </summary>
internal sealed class FollowUpFunctionsHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private FollowUpFunctionsHost(SimulatorFixture simulator, ServiceProvider services)
    {
        Simulator = simulator;
        _services = services;
        var settler = services.GetRequiredService<MessageSettler>();
        Collect = new CollectResults(services.GetRequiredService<CollectResultsHandler>(), settler);
        Rerun = new RerunTests(services.GetRequiredService<RerunTestsHandler>(), settler);
    }

    public SimulatorFixture Simulator { get; }

    public CollectResults Collect { get; }

    public RerunTests Rerun { get; }

    public InMemoryMessageBus Bus => _services.GetRequiredService<InMemoryMessageBus>();

    public FakeTimeProvider Time => Simulator.Time;

    public static async Task<FollowUpFunctionsHost> StartAsync()
    {
        var simulator = await SimulatorFixture.StartAsync();
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["ThousandEyes:BaseUrl"] = simulator.BaseAddress.ToString(),
                ["ThousandEyes:ApiVersion"] = "v7",
                ["ThousandEyes:BearerToken"] = "simulator-token",
                ["ThousandEyes:MaxRetryAttempts"] = "0",
                ["Ledger:Kind"] = "InMemory",
                ["Messaging:Transport"] = "InMemory",
            })
            .Build();

        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(simulator.Time);
        services.AddAlertProbeFollowUp(configuration);
        services.AddSingleton<MessageSettler>();
        return new FollowUpFunctionsHost(simulator, services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true }));
    }

    /// <summary>Creates an http-server test on the simulator; returns its run-0 message as the topic would carry it.</summary>
    public async Task<BusMessage> CreateRunAsync(FollowUpInstructions followUp)
    {
        var client = _services.GetRequiredService<ThousandEyesClient>();
        var request = InstantTestRequest.Create("http-server", new JsonObject { ["url"] = "https://functions.example.com/" }, ["113", "114"], testName: "fn-" + Guid.NewGuid().ToString("N"));
        var result = await client.CreateInstantTestAsync(request);
        Assert.True(result.IsSuccess, result.Error?.Message);
        var created = new InstantTestCreated
        {
            TestId = result.Value.TestId,
            TestType = "http-server",
            TestName = request.TestName!,
            ApiVersion = InstantTestApiVersion.V7,
            Target = "https://functions.example.com/",
            Agents = [new TestAgentRef { AgentId = "113" }, new TestAgentRef { AgentId = "114" }],
            CreatedAt = Time.GetUtcNow(),
            ResultLinks = [.. result.Value.ResultLinks.Where(l => l.Family is not null).Select(l => new ResultLink { Family = l.Family!.Name, Href = new Uri(l.Href) })],
            Trigger = new TestTrigger
            {
                Source = AlertSource.Manual,
                AlertId = "fn-alert",
                Rule = "manual",
                Severity = AlertSeverity.Warning,
                OriginalMessageId = "fn-message",
                CorrelationId = "fn-correlation",
            },
            FollowUp = followUp,
        };
        await _services.GetRequiredService<InstantTestPublisher>().PublishCreatedAsync(created, CancellationToken.None);
        Assert.True(Bus.TryTakeDue("instant-tests", out var message));
        return message!;
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Simulator.DisposeAsync();
    }
}
