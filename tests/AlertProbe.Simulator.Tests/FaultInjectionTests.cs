using System.Net;
using AlertProbe.Simulator.Tests.Support;
using AlertProbe.Testing.Simulator;

namespace AlertProbe.Simulator.Tests;

public sealed class FaultInjectionTests
{
    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    public async Task Injected_faults_fail_the_next_requests_then_stop(int status)
    {
        await using var sim = await SimulatorFixture.StartAsync();
        using var client = sim.CreateClient();
        sim.State.FailNextRequests(status, 2);

        var statuses = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add((int)(await Calls.GetAsync(client, "v7/agents")).Status);
        }

        Assert.Equal([status, status, 200], statuses);
    }

    [Fact]
    public async Task Injected_fault_with_a_path_filter_only_hits_matching_paths()
    {
        await using var sim = await SimulatorFixture.StartAsync();
        using var client = sim.CreateClient();
        sim.State.FailNextRequests(503, 1, pathContains: "/instant");

        var agents = await Calls.GetAsync(client, "v7/agents");
        var create = await Calls.PostAsync(client, "v7/tests/http-server/instant", Samples.Body("v7", "http-server"));

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.ServiceUnavailable), (agents.Status, create.Status));
        Assert.Empty(sim.State.CreatedTests);
    }

    [Fact]
    public async Task Injected_429_tells_the_client_when_to_retry()
    {
        await using var sim = await SimulatorFixture.StartAsync();
        using var client = sim.CreateClient();
        sim.State.FailNextRequests(429, 1);

        var response = await Calls.PostAsync(client, "v7/tests/http-server/instant", Samples.Body("v7", "http-server"));

        Assert.Equal(HttpStatusCode.TooManyRequests, response.Status);
        Assert.Equal("0", response.Header("X-Instant-Test-Rate-Limit-Remaining"));
        Assert.True(int.Parse(response.Header("Retry-After"), System.Globalization.CultureInfo.InvariantCulture) > 0);
    }

    [Fact]
    public async Task V7_fault_bodies_are_problem_json_and_v6_fault_bodies_carry_an_error_message()
    {
        await using var sim = await SimulatorFixture.StartAsync();
        using var client = sim.CreateClient();
        sim.State.FailNextRequests(500, 2);

        var v7 = await Calls.GetAsync(client, "v7/agents");
        var v6 = await Calls.GetAsync(client, "v6/agents");

        Assert.Equal(("application/problem+json", 500), (v7.MediaType, (int)v7.Json["status"]!));
        Assert.False(string.IsNullOrEmpty((string?)v6.Json["errorMessage"]));
    }
}
