using AlertProbe.Simulator.Hosting;
using Microsoft.AspNetCore.Builder;

namespace AlertProbe.Simulator;

/// <summary>
/// A stateful ThousandEyes API (v6 and v7 instant tests, agents, results, auth, rate limits) listening on
/// 127.0.0.1. Start it in-process with <see cref="StartAsync"/>; dispose it to stop.
/// </summary>
public sealed class ThousandEyesSimulator : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ThousandEyesSimulator(WebApplication app, Uri baseAddress, SimulatorState state)
    {
        _app = app;
        BaseAddress = baseAddress;
        State = state;
    }

    /// <summary><c>http://127.0.0.1:{port}/</c>; the API lives under <c>v6/…</c> and <c>v7/…</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>Knobs (faults, broken targets, token rotation) and inspection (requests, tests). Thread-safe.</summary>
    public SimulatorState State { get; }

    public static async Task<ThousandEyesSimulator> StartAsync(
        SimulatorOptions? options = null,
        TimeProvider? timeProvider = null,
        CancellationToken cancellationToken = default)
    {
        options ??= new SimulatorOptions();
        var state = new SimulatorState(options, timeProvider ?? TimeProvider.System);
        var app = SimulatorApplication.Build(options, state);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        return new ThousandEyesSimulator(app, SimulatorApplication.BoundAddress(app), state);
    }

    /// <summary>Blocks until the host is asked to stop (Ctrl+C when run standalone).</summary>
    public Task WaitForShutdownAsync(CancellationToken cancellationToken = default) =>
        _app.WaitForShutdownAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
