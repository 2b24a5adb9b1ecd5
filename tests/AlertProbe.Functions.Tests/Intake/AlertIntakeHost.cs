using AlertProbe.Core.Intake;
using AlertProbe.Core.Messages;
using AlertProbe.Functions.Intake;
using AlertProbe.Functions.Messaging;
using AlertProbe.Testing.Simulator;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AlertProbe.Functions.Tests.Intake;

/// <summary>
/// The AlertIntake function wired as the app wires it (<c>AddAlertIntake</c>), against the ThousandEyes
/// simulator on loopback, with the in-memory ledger and the in-memory Service Bus: only the settlement
/// actions are mocked by the tests.
/// </summary>
internal sealed class AlertIntakeHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private AlertIntakeHost(SimulatorFixture simulator, ServiceProvider services)
    {
        Simulator = simulator;
        _services = services;
        Function = new AlertIntake(services.GetRequiredService<AlertIntakeHandler>(), services.GetRequiredService<MessageSettler>());
    }

    public SimulatorFixture Simulator { get; }

    public AlertIntake Function { get; }

    public InMemoryMessageBus Bus => _services.GetRequiredService<InMemoryMessageBus>();

    public FakeTimeProvider Time => Simulator.Time;

    public static async Task<AlertIntakeHost> StartAsync(int instantTestLimit = 24)
    {
        var simulator = await SimulatorFixture.StartAsync(new AlertProbe.Simulator.SimulatorOptions { InstantTestRateLimitPerMinute = instantTestLimit });
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["ThousandEyes:BaseUrl"] = simulator.BaseAddress.ToString(),
                ["ThousandEyes:ApiVersion"] = "v7",
                ["ThousandEyes:BearerToken"] = "simulator-token",
                ["ThousandEyes:MaxRetryAttempts"] = "0",
                ["Ledger:Kind"] = "InMemory",
                ["Messaging:Transport"] = "InMemory",
                ["RateBudget:Limit"] = instantTestLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
            })
            .Build();

        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(simulator.Time);
        services.AddSingleton<IConfiguration>(configuration);
        services.AddAlertIntake(configuration);
        services.AddSingleton<MessageSettler>();
        return new AlertIntakeHost(simulator, services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true }));
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Simulator.DisposeAsync();
    }
}
