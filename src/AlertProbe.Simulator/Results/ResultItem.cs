using AlertProbe.Simulator.Agents;
using AlertProbe.Simulator.State;

namespace AlertProbe.Simulator.Results;

/// <summary>One agent's result in one round.</summary>
internal sealed record ResultItem(TestRound Round, SimulatedAgent Agent);
