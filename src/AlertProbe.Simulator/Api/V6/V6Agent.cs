using AlertProbe.Simulator.Agents;

namespace AlertProbe.Simulator.Api.V6;

/// <summary>
/// An agent as v6 writes it: integer id, capitalised type, 0/1 flags, labels as <c>groups</c>. As in the v6 agents
/// documentation, <c>enabled</c> and <c>agentState</c> are Enterprise-only: Cloud agents carry neither.
/// </summary>
internal sealed record V6Agent(
    long AgentId,
    string AgentName,
    string AgentType,
    string CountryId,
    string Location,
    int? Enabled,
    string? AgentState,
    IReadOnlyList<string> IpAddresses,
    IReadOnlyList<V6AgentGroup> Groups)
{
    public static V6Agent From(SimulatedAgent agent) => new(
        agent.AgentId,
        agent.AgentName,
        agent.AgentType == SimulatedAgentType.Cloud ? "Cloud" : "Enterprise",
        agent.CountryId,
        agent.Location,
        agent.AgentType == SimulatedAgentType.Cloud ? null : agent.Enabled ? 1 : 0,
        agent.AgentType == SimulatedAgentType.Cloud ? null : agent.Enabled ? "Online" : "Disabled",
        [agent.IpAddress],
        [.. agent.Labels.Select(label => new V6AgentGroup(label.LabelId, label.Name, 0))]);
}

internal sealed record V6AgentGroup(long GroupId, string Name, int Builtin);

internal sealed record V6AgentList(IReadOnlyList<V6Agent> Agents);
