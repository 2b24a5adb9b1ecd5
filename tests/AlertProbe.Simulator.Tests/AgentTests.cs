using System.Text.Json;
using AlertProbe.Simulator.Tests.Support;
using AlertProbe.Testing.Simulator;

namespace AlertProbe.Simulator.Tests;

public sealed class AgentTests
{
    [Fact]
    public async Task V6_agents_have_integer_ids_capitalised_types_and_groups()
    {
        await using var sim = await SimulatorFixture.StartAsync();
        using var client = sim.CreateClient();

        var agents = (await Calls.GetAsync(client, "v6/agents")).Json["agents"]!.AsArray();

        var first = agents[0]!;
        Assert.Equal(8, agents.Count);
        Assert.Equal(JsonValueKind.Number, first["agentId"]!.GetValueKind());
        Assert.Equal("Cloud", (string)first["agentType"]!);
        Assert.Equal("North America", (string?)first["groups"]![0]!["name"]);
    }

    [Fact]
    public async Task V6_enterprise_agents_alone_carry_the_numeric_enabled_flag_and_a_capitalised_state()
    {
        await using var sim = await SimulatorFixture.StartAsync();
        using var client = sim.CreateClient();

        var agents = (await Calls.GetAsync(client, "v6/agents")).Json["agents"]!.AsArray();

        var cloud = agents.Single(agent => (int)agent!["agentId"]! == 113)!.AsObject();
        var enterprise = agents.Single(agent => (int)agent!["agentId"]! == 201)!;
        Assert.Equal((false, false, 1, "Online"),
            (cloud.ContainsKey("enabled"), cloud.ContainsKey("agentState"), (int)enterprise["enabled"]!, (string?)enterprise["agentState"]));
    }

    [Fact]
    public async Task V7_cloud_agents_carry_no_agent_state_and_enterprise_agents_a_lower_case_one()
    {
        await using var sim = await SimulatorFixture.StartAsync();
        using var client = sim.CreateClient();

        var agents = (await Calls.GetAsync(client, "v7/agents")).Json["agents"]!.AsArray();

        var cloud = agents.Single(agent => (string?)agent!["agentId"] == "113")!.AsObject();
        var enterprise = agents.Single(agent => (string?)agent!["agentId"] == "201")!;
        Assert.Equal((false, "online"), (cloud.ContainsKey("agentState"), (string?)enterprise["agentState"]));
    }

    [Fact]
    public async Task V7_agents_have_string_ids_lower_case_types_booleans_and_links()
    {
        await using var sim = await SimulatorFixture.StartAsync();
        using var client = sim.CreateClient();

        var response = (await Calls.GetAsync(client, "v7/agents")).Json;

        var first = response["agents"]![0]!;
        Assert.Equal(("113", "cloud", true), ((string)first["agentId"]!, (string)first["agentType"]!, (bool)first["enabled"]!));
        Assert.NotNull(response["_links"]!["self"]!["href"]);
    }

    // Source: v7 Agents API: the list (Agents_API_CloudEnterpriseAgent) has no labels; Agents_API_AgentDetails does.
    [Fact]
    public async Task The_v7_agent_list_carries_no_labels_but_an_agents_own_resource_does()
    {
        await using var sim = await SimulatorFixture.StartAsync();
        using var client = sim.CreateClient();

        var list = (await Calls.GetAsync(client, "v7/agents")).Json["agents"]!.AsArray();
        var own = (await Calls.GetAsync(client, "v7/agents/201")).Json;

        Assert.All(list, agent => Assert.False(agent!.AsObject().ContainsKey("labels")));
        Assert.Equal("Branch Offices", (string?)own["labels"]![0]!["name"]);
    }

    [Theory]
    [InlineData("v6/agents?agentTypes=ENTERPRISE", 2)]
    [InlineData("v6/agents?agentTypes=CLOUD,ENTERPRISE", 8)]
    [InlineData("v7/agents?agentTypes=cloud", 6)]
    [InlineData("v7/agents?labels=Europe", 2)]
    [InlineData("v7/agents?agentTypes=enterprise&labels=Data%20Centers", 1)]
    public async Task Agent_filters_narrow_the_list(string path, int expected)
    {
        await using var sim = await SimulatorFixture.StartAsync();
        using var client = sim.CreateClient();

        var agents = (await Calls.GetAsync(client, path)).Json["agents"]!.AsArray();

        Assert.Equal(expected, agents.Count);
    }
}
