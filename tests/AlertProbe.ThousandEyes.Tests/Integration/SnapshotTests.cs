using AlertProbe.ThousandEyes;
using AlertProbe.ThousandEyes.Errors;
using AlertProbe.ThousandEyes.Requests;
using AlertProbe.ThousandEyes.Tests.Infrastructure;
using AlertProbe.Testing.Simulator;

namespace AlertProbe.ThousandEyes.Tests.Integration;

/// <summary>
/// <see cref="ThousandEyesClient.CreateTestSnapshotAsync"/> against the simulator's v7 snapshot endpoint: the request the
/// vendor's Test Snapshots API 7.0.100 describes, its 429 as a rate-limit error, and what it refuses before sending.
/// </summary>
public sealed class SnapshotTests
{
    [Fact]
    public async Task A_snapshot_of_an_instant_test_comes_back_with_its_id_and_app_link()
    {
        await using var simulator = await SimulatorFixture.StartAsync();
        await using var host = ClientHost.Create(simulator.BaseAddress, ThousandEyesApiVersion.V7, simulator.Time);
        var created = await host.Client.CreateInstantTestAsync(InstantTestRequest.Create("http-server", new() { ["url"] = "https://example.com/" }, ["113"]));
        var now = simulator.Time.GetUtcNow();

        var snapshot = await host.Client.CreateTestSnapshotAsync(created.Value!.TestId, "probe", now.AddHours(-1), now);

        Assert.True(snapshot.IsSuccess, snapshot.Error?.Message);
        Assert.Equal((simulator.State.Snapshots.Created.Single().Id, "https"), (snapshot.Value.Id, snapshot.Value.AppLink!.Scheme));
    }

    [Fact]
    public async Task The_sixth_snapshot_within_five_minutes_is_a_rate_limit_error()
    {
        await using var simulator = await SimulatorFixture.StartAsync();
        await using var host = ClientHost.Create(simulator.BaseAddress, ThousandEyesApiVersion.V7, simulator.Time);
        var created = await host.Client.CreateInstantTestAsync(InstantTestRequest.Create("http-server", new() { ["url"] = "https://example.com/" }, ["113"]));
        var now = simulator.Time.GetUtcNow();
        for (var i = 0; i < 5; i++)
        {
            Assert.True((await host.Client.CreateTestSnapshotAsync(created.Value!.TestId, $"probe {i}", now.AddHours(-1), now)).IsSuccess);
        }

        var sixth = await host.Client.CreateTestSnapshotAsync(created.Value!.TestId, "probe 6", now.AddHours(-1), now);

        Assert.IsType<RateLimitedError>(sixth.Error);
    }

    [Theory]
    [InlineData(ThousandEyesApiVersion.V7, 3, "endDate")]
    [InlineData(ThousandEyesApiVersion.V6, 1, "apiVersion")]
    public async Task A_span_the_api_refuses_or_api_v6_fails_without_a_request(ThousandEyesApiVersion version, int hours, string field)
    {
        await using var simulator = await SimulatorFixture.StartAsync();
        await using var host = ClientHost.Create(simulator.BaseAddress, version, simulator.Time);
        var now = simulator.Time.GetUtcNow();

        var result = await host.Client.CreateTestSnapshotAsync("7000001", "probe", now.AddHours(-hours), now);

        Assert.Equal(field, Assert.IsType<ValidationFailedError>(result.Error).Problems.Single().Field);
        Assert.Empty(simulator.State.ReceivedRequests);
    }
}
