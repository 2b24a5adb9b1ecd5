using System.Net.Http.Headers;
using AlertProbe.Simulator;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace AlertProbe.Testing.Simulator;

/// <summary>
/// A ThousandEyes simulator on 127.0.0.1 (free port) driven by a <see cref="FakeTimeProvider"/>: advance
/// <see cref="Time"/> to make results appear or rate-limit windows roll. Use it as an xunit class fixture,
/// or <see cref="StartAsync"/> for a private instance (dispose it).
/// </summary>
public sealed class SimulatorFixture : IAsyncLifetime, IAsyncDisposable
{
    /// <summary>Where fake time starts: a fixed instant, so dates in results are reproducible.</summary>
    public static readonly DateTimeOffset StartTime = new(2025, 1, 15, 12, 0, 0, TimeSpan.Zero);

    private ThousandEyesSimulator? _simulator;

    public SimulatorFixture()
        : this(new SimulatorOptions())
    {
    }

    private SimulatorFixture(SimulatorOptions options)
    {
        options.Port = 0;
        Options = options;
    }

    public SimulatorOptions Options { get; }

    public FakeTimeProvider Time { get; } = new(StartTime);

    public ThousandEyesSimulator Simulator =>
        _simulator ?? throw new InvalidOperationException("The simulator is not started; use the fixture through xunit or StartAsync.");

    public Uri BaseAddress => Simulator.BaseAddress;

    public SimulatorState State => Simulator.State;

    /// <summary>Starts a private simulator (port 0 whatever <paramref name="options"/> says).</summary>
    public static async Task<SimulatorFixture> StartAsync(SimulatorOptions? options = null)
    {
        var fixture = new SimulatorFixture(options ?? new SimulatorOptions());
        await fixture.InitializeAsync();
        return fixture;
    }

    /// <summary>An HttpClient for the simulator, authorised with the current bearer token from <see cref="Options"/>.</summary>
    public HttpClient CreateClient(string? bearerToken = null)
    {
        var client = new HttpClient { BaseAddress = BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearerToken ?? Options.BearerToken);
        return client;
    }

    public async Task InitializeAsync() =>
        _simulator = await ThousandEyesSimulator.StartAsync(Options, Time);

    public async Task DisposeAsync()
    {
        if (_simulator is not null)
        {
            await _simulator.DisposeAsync();
            _simulator = null;
        }
    }

    async ValueTask IAsyncDisposable.DisposeAsync() => await DisposeAsync();
}
