using AlertProbe.Simulator;
using AlertProbe.ThousandEyes;
using AlertProbe.ThousandEyes.Requests;
using AlertProbe.ThousandEyes.Results;
using AlertProbe.ThousandEyes.Tests.Infrastructure;
using AlertProbe.Testing.Simulator;

namespace AlertProbe.ThousandEyes.Tests.Integration;

/// <summary>Rerun, agents and results against the simulator.</summary>
public sealed class FollowUpTests
{
    private static readonly InstantTestRequest ThreeAgents = new()
    {
        Type = InstantTestType.AgentToServer,
        Agents = [new("113"), new("114"), new("115")],
        Fields = new() { ["server"] = "example.com:443" },
    };

    [Theory]
    [InlineData(ThousandEyesApiVersion.V6)]
    [InlineData(ThousandEyesApiVersion.V7)]
    public async Task A_rerun_runs_the_test_again(ThousandEyesApiVersion version)
    {
        await using var simulator = await SimulatorFixture.StartAsync();
        await using var host = ClientHost.Create(simulator.BaseAddress, version, simulator.Time);
        var created = await host.Client.CreateInstantTestAsync(ThreeAgents);

        var rerun = await host.Client.RerunInstantTestAsync(created.Value!.TestId);

        Assert.True(rerun.IsSuccess, rerun.Error?.Message);
        Assert.Equal(2, simulator.State.FindTest(created.Value.TestId)?.RunCount);
    }

    [Theory]
    [InlineData(ThousandEyesApiVersion.V6)]
    [InlineData(ThousandEyesApiVersion.V7)]
    public async Task Results_follow_every_page(ThousandEyesApiVersion version)
    {
        await using var simulator = await SimulatorFixture.StartAsync(new SimulatorOptions { ResultPageSize = 2 });
        await using var host = ClientHost.Create(simulator.BaseAddress, version, simulator.Time);
        var created = await host.Client.CreateInstantTestAsync(ThreeAgents);
        simulator.Time.Advance(TimeSpan.FromMinutes(1));

        var results = await host.Client.GetTestResultsAsync(created.Value!.TestId, TestResultFamily.Network);

        Assert.True(results.IsSuccess, results.Error?.Message);
        Assert.Equal(2, results.Value.PagesFetched);
        Assert.Equal(["113", "114", "115"], results.Value.Rows.Select(r => r.AgentId).Order());
    }

    [Theory]
    [InlineData(ThousandEyesApiVersion.V6)]
    [InlineData(ThousandEyesApiVersion.V7)]
    public async Task Result_rows_carry_the_common_fields(ThousandEyesApiVersion version)
    {
        await using var simulator = await SimulatorFixture.StartAsync();
        await using var host = ClientHost.Create(simulator.BaseAddress, version, simulator.Time);
        var created = await host.Client.CreateInstantTestAsync(ThreeAgents with { Agents = [new("114")] });
        simulator.Time.Advance(TimeSpan.FromMinutes(1));

        var row = (await host.Client.GetTestResultsAsync(created.Value!.TestId, TestResultFamily.Network)).Value!.Rows.Single();

        Assert.Equal(
            ("114", "Frankfurt, Germany", "DE", SimulatorFixture.StartTime.ToUnixTimeSeconds(), SimulatorFixture.StartTime),
            (row.AgentId, row.AgentName, row.CountryId, row.RoundId, row.Date));
        Assert.True(row.Raw.ContainsKey("loss"));
    }

    [Fact]
    public async Task A_page_cap_truncates_the_results()
    {
        await using var simulator = await SimulatorFixture.StartAsync(new SimulatorOptions { ResultPageSize = 1 });
        await using var host = ClientHost.Create(simulator.BaseAddress, ThousandEyesApiVersion.V7, simulator.Time, new Dictionary<string, string?> { ["ThousandEyes:MaxResultPages"] = "2" });
        var created = await host.Client.CreateInstantTestAsync(ThreeAgents);
        simulator.Time.Advance(TimeSpan.FromMinutes(1));

        var results = await host.Client.GetTestResultsAsync(created.Value!.TestId, TestResultFamily.Network);

        Assert.Equal((2, 2, true), (results.Value!.PagesFetched, results.Value.Rows.Count, results.Value.Truncated));
    }

    [Fact]
    public async Task Results_before_the_data_is_ready_are_an_empty_success()
    {
        await using var simulator = await SimulatorFixture.StartAsync();
        await using var host = ClientHost.Create(simulator.BaseAddress, ThousandEyesApiVersion.V7, simulator.Time);
        var created = await host.Client.CreateInstantTestAsync(ThreeAgents);

        var results = await host.Client.GetTestResultsAsync(created.Value!.TestId, TestResultFamily.Network);

        Assert.Empty(results.Value!.Rows);
    }

    [Theory]
    [InlineData(ThousandEyesApiVersion.V6)]
    [InlineData(ThousandEyesApiVersion.V7)]
    public async Task Every_result_link_of_a_created_test_can_be_fetched(ThousandEyesApiVersion version)
    {
        await using var simulator = await SimulatorFixture.StartAsync();
        await using var host = ClientHost.Create(simulator.BaseAddress, version, simulator.Time);
        var created = (await host.Client.CreateInstantTestAsync(InstantTestSamples.Request(InstantTestType.HttpServer))).Value!;
        simulator.Time.Advance(TimeSpan.FromMinutes(1));

        foreach (var link in created.ResultLinks)
        {
            var results = await host.Client.GetTestResultsByLinkAsync(link.Href);

            Assert.True(results.IsSuccess, $"{link.Href}: {results.Error?.Message}");
            Assert.Equal((created.TestId, link.Family), (results.Value.TestId, results.Value.Family));
            Assert.NotEmpty(results.Value.Rows);
        }
    }

    [Theory]
    [InlineData(ThousandEyesApiVersion.V6)]
    [InlineData(ThousandEyesApiVersion.V7)]
    public async Task Agents_are_normalised(ThousandEyesApiVersion version)
    {
        await using var simulator = await SimulatorFixture.StartAsync();
        await using var host = ClientHost.Create(simulator.BaseAddress, version, simulator.Time);

        var agents = await host.Client.GetAgentsAsync();

        // The v7 list carries no labels (Agents_API_CloudEnterpriseAgent); v6 lists them as groups.
        var branch = agents.Value!.Single(a => a.Id == "201");
        Assert.Equal(("branch-paris-01", "enterprise", "FR", true, version == ThousandEyesApiVersion.V6 ? "Branch Offices" : null),
            (branch.Name, branch.Type, branch.CountryId, branch.Enabled, branch.Labels.SingleOrDefault()));
        Assert.Equal(8, agents.Value!.Count);
    }

    [Fact]
    public async Task A_second_agent_list_call_is_served_from_the_cache()
    {
        await using var simulator = await SimulatorFixture.StartAsync();
        await using var host = ClientHost.Create(simulator.BaseAddress, ThousandEyesApiVersion.V7, simulator.Time);
        await host.Client.GetAgentsAsync();

        var second = await host.Client.GetAgentsAsync();

        Assert.True(second.IsSuccess);
        Assert.Single(simulator.State.ReceivedRequests, r => r.PathAndQuery.StartsWith("/v7/agents", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_agent_list_is_fetched_again_after_its_cache_lifetime()
    {
        await using var simulator = await SimulatorFixture.StartAsync();
        await using var host = ClientHost.Create(simulator.BaseAddress, ThousandEyesApiVersion.V7, simulator.Time, new Dictionary<string, string?> { ["ThousandEyes:AgentCacheLifetime"] = "00:10:00" });
        await host.Client.GetAgentsAsync();
        simulator.Time.Advance(TimeSpan.FromMinutes(10));

        await host.Client.GetAgentsAsync();

        Assert.Equal(2, simulator.State.ReceivedRequests.Count(r => r.PathAndQuery.StartsWith("/v7/agents", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Agents_by_label_are_asked_of_the_v7_API_with_its_labels_filter()
    {
        await using var simulator = await SimulatorFixture.StartAsync();
        await using var host = ClientHost.Create(simulator.BaseAddress, ThousandEyesApiVersion.V7, simulator.Time);

        var agents = await host.Client.GetAgentsWithLabelAsync("Branch Offices");

        Assert.Equal(["201"], agents.Value!.Select(a => a.Id));
        Assert.Single(simulator.State.ReceivedRequests, r => r.PathAndQuery.Contains("labels=Branch%20Offices", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Agents_by_label_on_v6_are_filtered_from_the_one_cached_list_of_groups()
    {
        await using var simulator = await SimulatorFixture.StartAsync();
        await using var host = ClientHost.Create(simulator.BaseAddress, ThousandEyesApiVersion.V6, simulator.Time);

        var europe = await host.Client.GetAgentsWithLabelAsync("europe");
        var branches = await host.Client.GetAgentsWithLabelAsync("Branch Offices");

        Assert.Equal(["114", "115"], europe.Value!.Select(a => a.Id).Order(StringComparer.Ordinal));
        Assert.Equal(["201"], branches.Value!.Select(a => a.Id));
        Assert.Single(simulator.State.ReceivedRequests, r => r.PathAndQuery.StartsWith("/v6/agents", StringComparison.Ordinal));
    }
}
