using AlertProbe.Core.Outcomes;

namespace AlertProbe.Core.Agents;

/// <summary>The agent ids chosen for a test, or why none could be.</summary>
public sealed record AgentResolution
{
    private AgentResolution(IReadOnlyList<string> agentIds, Rejection? rejection)
    {
        AgentIds = agentIds;
        Rejection = rejection;
    }

    public IReadOnlyList<string> AgentIds { get; }

    public Rejection? Rejection { get; }

    public bool IsResolved => Rejection is null;

    public static AgentResolution Resolved(IReadOnlyList<string> agentIds) => new(agentIds, null);

    public static AgentResolution Failed(Rejection rejection) => new([], rejection);
}
