using System.Globalization;
using System.Text.Json.Serialization;
using AlertProbe.Simulator.Agents;

namespace AlertProbe.Simulator.Api.V7;

/// <summary>
/// An agent as v7 writes it: string id, lower-case type, real booleans, <c>labels</c> as <c>{labelId, name}</c>.
/// <c>agentState</c> is an Enterprise Agent field (SDK model CloudEnterpriseAgent → EnterpriseAgentState): Cloud agents omit it.
/// </summary>
internal sealed record V7Agent(
    string AgentId,
    string AgentName,
    string AgentType,
    string CountryId,
    string Location,
    bool Enabled,
    string? AgentState,
    IReadOnlyList<string> IpAddresses,
    IReadOnlyList<V7Label> Labels)
{
    public static V7Agent From(SimulatedAgent agent) => new(
        agent.AgentId.ToString(CultureInfo.InvariantCulture),
        agent.AgentName,
        agent.AgentType == SimulatedAgentType.Cloud ? "cloud" : "enterprise",
        agent.CountryId,
        agent.Location,
        agent.Enabled,
        agent.AgentType == SimulatedAgentType.Cloud ? null : agent.Enabled ? "online" : "disabled",
        [agent.IpAddress],
        [.. agent.Labels.Select(label => new V7Label(label.LabelId.ToString(CultureInfo.InvariantCulture), label.Name))]);
}

internal sealed record V7Label(string LabelId, string Name);

internal sealed record V7Link(string Href);

internal sealed record V7SelfLinks(V7Link Self);

internal sealed record V7AgentList(IReadOnlyList<V7Agent> Agents, [property: JsonPropertyName("_links")] V7SelfLinks Links);
