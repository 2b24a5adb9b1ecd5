using System.Text.Json.Nodes;
using AlertProbe.Core.Alerts;
using AlertProbe.Core.FollowUp;
using AlertProbe.Core.FollowUp.Collection;
using AlertProbe.Core.FollowUp.Reruns;
using AlertProbe.Core.Ledger;
using AlertProbe.Core.Messages;
using AlertProbe.Core.Outcomes;
using AlertProbe.Core.RateLimiting;
using AlertProbe.Testing.Simulator;
using AlertProbe.ThousandEyes;
using AlertProbe.ThousandEyes.Requests;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;

namespace AlertProbe.Core.Tests.FollowUp.Support;

/// <summary>
/// The follow-up as an app gets it (<c>AddAlertProbeFollowUp</c>) against a private simulator over loopback, an
/// in-memory bus and ledger, a loopback reply receiver, all on the simulator's fake clock. <see cref="DeliverDueAsync"/>
/// plays Service Bus: due messages of the topic go to the handlers whose subscription filter matches.
/// </summary>
internal sealed class FollowUpHost : IAsyncDisposable
{
    private readonly ServiceProvider _provider;

    private FollowUpHost(SimulatorFixture simulator, ReplyReceiver receiver, ServiceProvider provider)
    {
        Simulator = simulator;
        Receiver = receiver;
        _provider = provider;
    }

    public SimulatorFixture Simulator { get; }

    public ReplyReceiver Receiver { get; }

    public FakeTimeProvider Time => Simulator.Time;

    public InMemoryMessageBus Bus => _provider.GetRequiredService<InMemoryMessageBus>();

    public ILedger Ledger => _provider.GetRequiredService<ILedger>();

    public CollectResultsHandler Collect => _provider.GetRequiredService<CollectResultsHandler>();

    public RerunTestsHandler Rerun => _provider.GetRequiredService<RerunTestsHandler>();

    public RateBudget Budget => _provider.GetRequiredService<RateBudget>();

    public FakeLogCollector Logs => _provider.GetFakeLogCollector();

    public ThousandEyesClient Client => _provider.GetRequiredService<ThousandEyesClient>();

    /// <param name="configure">Registrations made before the follow-up's own (which only add what is missing).</param>
    public static async Task<FollowUpHost> StartAsync(IDictionary<string, string?>? settings = null, Action<IServiceCollection>? configure = null)
    {
        var simulator = await SimulatorFixture.StartAsync();
        var receiver = await ReplyReceiver.StartAsync();
        var values = new Dictionary<string, string?>
        {
            // The reply receiver listens on 127.0.0.1 over http: allowed here only (see ReplyPolicyOptions.AllowLoopback).
            ["ReplyPolicy:AllowLoopback"] = "true",
            ["ReplyPolicy:AllowHttp"] = "true",
            ["ThousandEyes:BaseUrl"] = simulator.BaseAddress.ToString(),
            ["ThousandEyes:ApiVersion"] = "v7",
            ["ThousandEyes:BearerToken"] = simulator.Options.BearerToken,
            ["ThousandEyes:MaxRetryAttempts"] = "2",
            ["ThousandEyes:RetryBaseDelay"] = "00:00:00",
            ["Messaging:Transport"] = "InMemory",
            ["Ledger:Kind"] = "InMemory",
            ["FollowUp:Delivery:HttpRetryAttempts"] = "1",
            ["FollowUp:Delivery:HttpRetryBaseDelay"] = "00:00:00",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddFakeLogging().SetMinimumLevel(LogLevel.Debug));
        services.AddSingleton<TimeProvider>(simulator.Time);
        configure?.Invoke(services);
        services.AddAlertProbeFollowUp(configuration);
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        return new FollowUpHost(simulator, receiver, provider);
    }

    /// <summary>Creates an instant test on the simulator and publishes its run 0 as AlertIntake would.</summary>
    public async Task<InstantTestCreated> CreateTestAsync(
        string url,
        FollowUpInstructions? followUp = null,
        ReplyAddress? replyTo = null,
        string[]? agentIds = null,
        string alertId = "alert-1",
        Func<InstantTestCreated, InstantTestCreated>? adjust = null)
    {
        var client = _provider.GetRequiredService<ThousandEyesClient>();
        agentIds ??= ["113", "114", "115", "116", "117"];
        var request = InstantTestRequest.Create("http-server", new JsonObject { ["url"] = url }, agentIds, testName: "probe-" + Guid.NewGuid().ToString("N"));
        var result = await client.CreateInstantTestAsync(request);
        Assert.True(result.IsSuccess, result.Error?.Message);
        var created = new InstantTestCreated
        {
            TestId = result.Value.TestId,
            TestType = "http-server",
            TestName = request.TestName!,
            ApiVersion = InstantTestApiVersion.V7,
            Target = url,
            Agents = [.. result.Value.Agents.Select(agent => new TestAgentRef { AgentId = agent.AgentId })],
            CreatedAt = Time.GetUtcNow(),
            ResultLinks = [.. result.Value.ResultLinks.Where(link => link.Family is not null).Select(link => new ResultLink { Family = link.Family!.Name, Href = new Uri(link.Href) })],
            Trigger = new TestTrigger
            {
                Source = AlertSource.Manual,
                AlertId = alertId,
                Rule = "manual",
                Severity = AlertSeverity.Error,
                OriginalMessageId = "message-" + alertId,
                CorrelationId = "correlation-" + alertId,
            },
            FollowUp = followUp ?? new FollowUpInstructions { Collect = true },
            ReplyTo = replyTo,
        };
        created = adjust?.Invoke(created) ?? created;
        await _provider.GetRequiredService<InstantTestPublisher>().PublishCreatedAsync(created, CancellationToken.None);
        return created;
    }

    /// <summary>Publishes a run's message as RerunTests would.</summary>
    public Task PublishAsync(InstantTestCreated created) =>
        _provider.GetRequiredService<InstantTestPublisher>().PublishCreatedAsync(created, CancellationToken.None);

    public Task<IntakeOutcome> RunCollectAsync(BusMessage message, int deliveryCount = 1) =>
        Collect.HandleAsync(message.ToReceivedMessage(deliveryCount), CancellationToken.None);

    public Task<IntakeOutcome> RunRerunAsync(BusMessage message, int deliveryCount = 1) =>
        Rerun.HandleAsync(message.ToReceivedMessage(deliveryCount), CancellationToken.None);

    /// <summary>
    /// Takes every message of the topic due now and hands it to each subscription whose filter matches
    /// (<c>collect = TRUE</c>, <c>rerun = TRUE</c>), <paramref name="deliveries"/> times each (more than one plays a
    /// redelivery after a lost settlement). Returns the outcomes of the first deliveries.
    /// </summary>
    public async Task<IReadOnlyList<IntakeOutcome>> DeliverDueAsync(int deliveries = 1, bool collect = true, bool rerun = true)
    {
        var outcomes = new List<IntakeOutcome>();
        while (Bus.TryTakeDue("instant-tests", out var message))
        {
            for (var delivery = 1; delivery <= deliveries; delivery++)
            {
                if (collect && Filter(message!, MessageProperties.Collect))
                {
                    var outcome = await RunCollectAsync(message!, delivery);
                    if (delivery == 1)
                    {
                        outcomes.Add(outcome);
                    }
                }

                if (rerun && Filter(message!, MessageProperties.Rerun))
                {
                    var outcome = await RunRerunAsync(message!, delivery);
                    if (delivery == 1)
                    {
                        outcomes.Add(outcome);
                    }
                }
            }
        }

        return outcomes;
    }

    /// <summary>Advances the clock to the next due message of the topic (false when none is pending).</summary>
    public bool AdvanceToNextDue()
    {
        if (Bus.NextDueAt("instant-tests") is not { } due)
        {
            return false;
        }

        if (due > Time.GetUtcNow())
        {
            Time.SetUtcNow(due);
        }

        return true;
    }

    public static bool Filter(BusMessage message, string property) =>
        message.Message.ApplicationProperties.TryGetValue(property, out var value) && value is true;

    public async ValueTask DisposeAsync()
    {
        await _provider.DisposeAsync();
        await Receiver.DisposeAsync();
        await Simulator.DisposeAsync();
    }
}
