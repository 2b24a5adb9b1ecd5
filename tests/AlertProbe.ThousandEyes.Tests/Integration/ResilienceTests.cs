using AlertProbe.ThousandEyes;
using AlertProbe.ThousandEyes.Errors;
using AlertProbe.ThousandEyes.Requests;
using AlertProbe.ThousandEyes.Tests.Infrastructure;
using AlertProbe.Testing.Simulator;

namespace AlertProbe.ThousandEyes.Tests.Integration;

/// <summary>The resilience handler against injected simulator faults (retry delays are zero in these tests).</summary>
public sealed class ResilienceTests
{
    [Fact]
    public async Task A_get_is_retried_through_5xx()
    {
        await using var simulator = await SimulatorFixture.StartAsync();
        await using var host = ClientHost.Create(simulator.BaseAddress, ThousandEyesApiVersion.V7, simulator.Time);
        simulator.State.FailNextRequests(503, 2, "/agents");

        var agents = await host.Client.GetAgentsAsync();

        Assert.True(agents.IsSuccess, agents.Error?.Message);
        Assert.Equal(3, simulator.State.ReceivedRequests.Count(r => r.PathAndQuery.StartsWith("/v7/agents", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_get_failing_beyond_the_retries_is_a_transient_error()
    {
        await using var simulator = await SimulatorFixture.StartAsync();
        await using var host = ClientHost.Create(simulator.BaseAddress, ThousandEyesApiVersion.V6, simulator.Time);
        simulator.State.FailNextRequests(500, 3, "/agents");

        var agents = await host.Client.GetAgentsAsync();

        Assert.Equal((500, false), (Assert.IsType<TransientError>(agents.Error).StatusCode, ((TransientError)agents.Error).RequestMayHaveSucceeded));
    }

    [Fact]
    public async Task No_retry_attempts_configured_sends_a_get_once()
    {
        await using var simulator = await SimulatorFixture.StartAsync();
        await using var host = ClientHost.Create(simulator.BaseAddress, ThousandEyesApiVersion.V7, simulator.Time, new Dictionary<string, string?> { ["ThousandEyes:MaxRetryAttempts"] = "0" });
        simulator.State.FailNextRequests(503, 1, "/agents");

        var agents = await host.Client.GetAgentsAsync();

        Assert.IsType<TransientError>(agents.Error);
        Assert.Single(simulator.State.ReceivedRequests, r => r.PathAndQuery.StartsWith("/v7/agents", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_create_is_not_retried_on_500()
    {
        await using var simulator = await SimulatorFixture.StartAsync();
        await using var host = ClientHost.Create(simulator.BaseAddress, ThousandEyesApiVersion.V7, simulator.Time);
        simulator.State.FailNextRequests(500, 1, "/instant");

        var result = await host.Client.CreateInstantTestAsync(InstantTestSamples.Request(InstantTestType.HttpServer));

        Assert.True(Assert.IsType<TransientError>(result.Error).RequestMayHaveSucceeded);
        Assert.Single(simulator.State.ReceivedRequests, r => r.PathAndQuery.Contains("/instant", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_create_is_retried_on_a_gateway_503_that_proves_nothing_was_created()
    {
        await using var simulator = await SimulatorFixture.StartAsync();
        await using var host = ClientHost.Create(simulator.BaseAddress, ThousandEyesApiVersion.V6, simulator.Time);
        simulator.State.FailNextRequests(503, 1, "/instant");

        var result = await host.Client.CreateInstantTestAsync(InstantTestSamples.Request(InstantTestType.HttpServer));

        Assert.True(result.IsSuccess, result.Error?.Message);
        Assert.Single(simulator.State.CreatedTests);
    }

    [Fact]
    public async Task A_create_to_a_closed_port_is_retried_then_transient_without_doubt()
    {
        var closed = await ClosedPort();
        await using var host = ClientHost.Create(closed, ThousandEyesApiVersion.V7, TimeProvider.System);

        var result = await host.Client.CreateInstantTestAsync(InstantTestSamples.Request(InstantTestType.HttpServer));

        Assert.False(Assert.IsType<TransientError>(result.Error).RequestMayHaveSucceeded);
        Assert.Equal(2, host.Logs.GetSnapshot().Count(r => r.Id.Id == 4 && r.Category == typeof(ThousandEyesClient).FullName));
    }

    private static async Task<Uri> ClosedPort()
    {
        // A simulator's port right after it stopped: nothing listens there.
        await using var simulator = await SimulatorFixture.StartAsync();
        return simulator.BaseAddress;
    }
}
