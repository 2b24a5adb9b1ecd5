using AlertProbe.Simulator.Agents;

namespace AlertProbe.Simulator.Validation;

/// <summary>What a valid create request resolved to: its agents and the target it probes.</summary>
internal sealed record ValidatedDefinition(IReadOnlyList<SimulatedAgent> Agents, string Target, SimulatedAgent? TargetAgent);
