using AlertProbe.Core.Intake;
using AlertProbe.Core.Ledger;
using AlertProbe.Core.Messages;
using AlertProbe.Core.Outcomes;
using AlertProbe.Core.RateLimiting;
using AlertProbe.Simulator;
using AlertProbe.Simulator.State;
using AlertProbe.Testing.Azurite;
using AlertProbe.Testing.Simulator;
using AlertProbe.ThousandEyes;
using Azure.Messaging.ServiceBus;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace AlertProbe.Core.Tests.Intake.Support;

/// <summary>What a test changes about the <see cref="IntakeHost"/>.</summary>
internal sealed class IntakeHostOptions
{
    public SimulatorOptions Simulator { get; } = new();

    /// <summary>Configuration added to (or replacing) the host's defaults.</summary>
    public Dictionary<string, string?> Settings { get; } = [];

    /// <summary>Replaces the Service Bus client (e.g. with one whose sends fail); it gets the in-memory bus to forward to.</summary>
    public Func<InMemoryMessageBus, ServiceBusClient>? ServiceBusClient { get; set; }

    /// <summary>A simulator to share with other hosts (a persistent API seen by two runs); not disposed by the host.</summary>
    public SimulatorFixture? SharedSimulator { get; set; }

    /// <summary>Registrations made before <c>AddAlertIntake</c> (which adds only what is not registered yet).</summary>
    public Action<IServiceCollection>? Services { get; set; }
}

/// <summary>
/// The alert intake as an app gets it (<c>AddAlertIntake</c> with in-memory configuration): ledger and rate budget on
/// Azurite (tables no other test uses), the real ThousandEyes client against a private simulator over loopback, the
/// real parsers, rules (<see cref="IntakeRules"/>) and target policy, and an in-memory Service Bus, all on the
/// simulator's fake clock.
/// </summary>
internal sealed class IntakeHost : IAsyncDisposable
{
    public const string AlertsQueue = "alerts";
    public const string InstantTestsTopic = "instant-tests";

    private readonly ServiceProvider _provider;
    private readonly string _rulesPath;

    private readonly bool _ownsSimulator;

    private IntakeHost(SimulatorFixture simulator, ServiceProvider provider, string rulesPath, bool ownsSimulator)
    {
        _ownsSimulator = ownsSimulator;
        Simulator = simulator;
        _provider = provider;
        _rulesPath = rulesPath;
    }

    public SimulatorFixture Simulator { get; }

    public SimulatorState State => Simulator.State;

    public FakeTimeProvider Time => Simulator.Time;

    public InMemoryMessageBus Bus => _provider.GetRequiredService<InMemoryMessageBus>();

    public ILedger Ledger => _provider.GetRequiredService<ILedger>();

    public RateBudget Budget => _provider.GetRequiredService<RateBudget>();

    public IntakePlanner Planner => _provider.GetRequiredService<IntakePlanner>();

    public ThousandEyesClient ThousandEyes => _provider.GetRequiredService<ThousandEyesClient>();

    public FakeLogCollector Logs => _provider.GetFakeLogCollector();

    /// <summary>Create calls the simulator received (whatever it answered).</summary>
    public IReadOnlyList<ReceivedRequest> CreateRequests =>
        [.. State.ReceivedRequests.Where(r => r.Method == "POST" && r.PathAndQuery.Contains("/instant", StringComparison.Ordinal))];

    public IReadOnlyList<BusMessage> Published => Bus.History(InstantTestsTopic);

    public IReadOnlyList<BusMessage> Scheduled => [.. Bus.History(AlertsQueue).Where(m => m.ScheduledFor is not null)];

    public static async Task<IntakeHost> StartAsync(AzuriteFixture azurite, Action<IntakeHostOptions>? configure = null)
    {
        var options = new IntakeHostOptions();
        configure?.Invoke(options);
        var simulator = options.SharedSimulator ?? await SimulatorFixture.StartAsync(options.Simulator);
        var rulesPath = Path.Combine(Path.GetTempPath(), $"alertprobe-intake-rules-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(rulesPath, IntakeRules.Yaml);

        var values = new Dictionary<string, string?>
        {
            ["ThousandEyes:BaseUrl"] = simulator.BaseAddress.ToString(),
            ["ThousandEyes:ApiVersion"] = "v7",
            ["ThousandEyes:BearerToken"] = simulator.Options.BearerToken,
            // Retries are on (so a test can see a create that was NOT retried) but immediate: the clock is fake.
            ["ThousandEyes:MaxRetryAttempts"] = "2",
            ["ThousandEyes:RetryBaseDelay"] = "00:00:00",
            ["Messaging:Transport"] = "InMemory",
            ["Ledger:ConnectionString"] = azurite.ConnectionString,
            ["Ledger:TableNamePrefix"] = "t" + Guid.NewGuid().ToString("N")[..16],
            ["Rules:Path"] = rulesPath,
        };
        foreach (var (key, value) in options.Settings)
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddFakeLogging().SetMinimumLevel(LogLevel.Debug));
        services.AddSingleton<TimeProvider>(simulator.Time);
        var bus = new InMemoryMessageBus(simulator.Time);
        services.AddSingleton(bus);
        if (options.ServiceBusClient is { } client)
        {
            services.AddSingleton(client(bus));
        }

        options.Services?.Invoke(services);
        services.AddAlertIntake(configuration);
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        // What the host does at start: every ValidateOnStart option is checked now.
        provider.GetRequiredService<IStartupValidator>().Validate();
        return new IntakeHost(simulator, provider, rulesPath, options.SharedSimulator is null);
    }

    /// <summary>Handles one delivery with a handler resolved as the function would get it.</summary>
    public Task<IntakeOutcome> HandleAsync(ServiceBusReceivedMessage message) =>
        _provider.GetRequiredService<AlertIntakeHandler>().HandleAsync(message, CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        await _provider.DisposeAsync();
        if (_ownsSimulator)
        {
            await Simulator.DisposeAsync();
        }
        File.Delete(_rulesPath);
    }
}
