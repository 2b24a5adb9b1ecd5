using AlertProbe.Simulator.Tests.Support;
using AlertProbe.Testing.Simulator;

namespace AlertProbe.Simulator.Tests;

/// <summary>
/// Source: v7 Instant Tests API, parameter Instant_Tests_API_ExpandInstantTest (create) and Tests_API_ExpandTest (a
/// test's own resource): the agents sub-resource is listed only with <c>expand=agent</c>; an expanded agent is an
/// Instant_Tests_API_AgentResponse.
/// </summary>
public sealed class ExpandTests
{
    [Fact]
    public async Task A_v7_create_lists_its_agents_only_when_asked_with_expand_agent()
    {
        await using var sim = await SimulatorFixture.StartAsync();
        using var client = sim.CreateClient();

        var plain = await Calls.PostAsync(client, Samples.CreatePath("v7", "http-server"), Samples.Body("v7", "http-server", target: "plain.example.com"));
        var expanded = await Calls.PostAsync(client, Samples.CreatePath("v7", "http-server") + "?expand=agent", Samples.Body("v7", "http-server", target: "expanded.example.com"));

        Assert.Equal((false, "113"), (plain.Definition.ContainsKey("agents"), (string?)expanded.Definition["agents"]![0]!["agentId"]));
    }

    [Fact]
    public async Task An_expanded_v7_agent_carries_only_agent_response_fields()
    {
        await using var sim = await SimulatorFixture.StartAsync();
        using var client = sim.CreateClient();
        var body = Samples.Body("v7", "agent-to-server");
        body["agents"]![0]!["sourceIpAddress"] = "203.0.113.13";

        var created = await Calls.PostAsync(client, Samples.CreatePath("v7", "agent-to-server") + "?expand=agent", body);

        var agent = created.Definition["agents"]![0]!.AsObject();
        Assert.All(["labels", "agentState", "sourceIpAddress"], field => Assert.False(agent.ContainsKey(field), field));
    }

    [Fact]
    public async Task A_v7_tests_own_resource_lists_agents_only_with_expand_agent()
    {
        await using var sim = await SimulatorFixture.StartAsync();
        using var client = sim.CreateClient();
        var created = await Calls.CreateAsync(client, "v7", "http-server");

        var plain = await Calls.GetAsync(client, $"v7/tests/http-server/{created.TestId}");
        var expanded = await Calls.GetAsync(client, $"v7/tests/http-server/{created.TestId}?expand=agent");

        Assert.Equal((false, true), (plain.Json.AsObject().ContainsKey("agents"), expanded.Json.AsObject().ContainsKey("agents")));
    }
}
