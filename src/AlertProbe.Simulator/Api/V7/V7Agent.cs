using System.Globalization;
using System.Text.Json.Serialization;
using AlertProbe.Simulator.Agents;

namespace AlertProbe.Simulator.Api.V7;

/// <summary>
/// An agent as the v7 list writes it (Agents_API_CloudEnterpriseAgent): string id, lower-case type, real booleans, no
/// labels (only an agent's own resource, Agents_API_AgentDetails, carries them). <c>agentState</c> is an Enterprise
/// Agent field (Agents_API_EnterpriseAgent): Cloud agents omit it.
/// </summary>
internal sealed record V7Agent(
    string AgentId,
    string AgentName,
    string AgentType,
    string CountryId,
    string Location,
    bool Enabled,
    string? AgentState,
    IReadOnlyList<string> IpAddresses)
{
    public static V7Agent From(SimulatedAgent agent) => new(
        agent.AgentId.ToString(CultureInfo.InvariantCulture),
        agent.AgentName,
        agent.AgentType == SimulatedAgentType.Cloud ? "cloud" : "enterprise",
        agent.CountryId,
        agent.Location,
        agent.Enabled,
        agent.AgentType == SimulatedAgentType.Cloud ? null : agent.Enabled ? "online" : "disabled",
        [agent.IpAddress]);
}

internal sealed record V7Link(string Href);

internal sealed record V7SelfLinks(V7Link Self);

internal sealed record V7AgentList(IReadOnlyList<V7Agent> Agents, [property: JsonPropertyName("_links")] V7SelfLinks Links);
