using AlertProbe.Simulator;
using AlertProbe.ThousandEyes;
using AlertProbe.ThousandEyes.Errors;
using AlertProbe.ThousandEyes.RateLimiting;
using AlertProbe.ThousandEyes.Requests;
using AlertProbe.ThousandEyes.Tests.Infrastructure;
using AlertProbe.Testing.Simulator;

namespace AlertProbe.ThousandEyes.Tests.Integration;

public sealed class RateLimitTests
{
    [Theory]
    [InlineData(ThousandEyesApiVersion.V6)]
    [InlineData(ThousandEyesApiVersion.V7)]
    public async Task An_exhausted_instant_test_limit_comes_back_as_rate_limited_until_its_reset(ThousandEyesApiVersion version)
    {
        await using var simulator = await SimulatorFixture.StartAsync(new SimulatorOptions { InstantTestRateLimitPerMinute = 2 });
        await using var host = ClientHost.Create(simulator.BaseAddress, version, simulator.Time);
        var request = InstantTestSamples.Request(InstantTestType.HttpServer);
        await host.Client.CreateInstantTestAsync(request);
        await host.Client.CreateInstantTestAsync(request);

        var third = await host.Client.CreateInstantTestAsync(request);

        // The window opened with the first call, at the fixture's start time, and rolls a minute later.
        Assert.Equal(new RateLimitedError(SimulatorFixture.StartTime.AddMinutes(1), RateLimitFamily.InstantTest), third.Error);
    }

    [Fact]
    public async Task A_rate_limited_create_is_not_retried_by_the_client()
    {
        await using var simulator = await SimulatorFixture.StartAsync(new SimulatorOptions { InstantTestRateLimitPerMinute = 1 });
        await using var host = ClientHost.Create(simulator.BaseAddress, ThousandEyesApiVersion.V7, simulator.Time);
        var request = InstantTestSamples.Request(InstantTestType.HttpServer);
        await host.Client.CreateInstantTestAsync(request);

        await host.Client.CreateInstantTestAsync(request);

        Assert.Equal(2, simulator.State.ReceivedRequests.Count(r => r.PathAndQuery.Contains("/instant", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task The_instant_test_budget_is_visible_on_the_result()
    {
        await using var simulator = await SimulatorFixture.StartAsync(new SimulatorOptions { InstantTestRateLimitPerMinute = 5 });
        await using var host = ClientHost.Create(simulator.BaseAddress, ThousandEyesApiVersion.V7, simulator.Time);
        var client = host.Client;

        var result = await client.CreateInstantTestAsync(InstantTestSamples.Request(InstantTestType.HttpServer));

        var expected = new RateLimitWindow(5, 4, SimulatorFixture.StartTime.AddMinutes(1));
        Assert.Equal(expected, result.RateLimits?.InstantTest);
    }
}
