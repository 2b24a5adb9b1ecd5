namespace AlertProbe.Simulator.Agents;

/// <summary>One agent the simulator offers. <see cref="BaseLatencyMs"/> seeds plausible metrics for its region.</summary>
public sealed record SimulatedAgent
{
    public required long AgentId { get; init; }
    public required string AgentName { get; init; }
    public required SimulatedAgentType AgentType { get; init; }
    public required string CountryId { get; init; }
    public required string Location { get; init; }
    public required IReadOnlyList<SimulatedLabel> Labels { get; init; }
    public required string IpAddress { get; init; }
    public required double BaseLatencyMs { get; init; }
    public bool Enabled { get; init; } = true;
}
