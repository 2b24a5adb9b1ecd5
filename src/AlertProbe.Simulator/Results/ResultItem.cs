using AlertProbe.Simulator.Agents;
using AlertProbe.Simulator.State;

namespace AlertProbe.Simulator.Results;

/// <summary>One agent's result in one round (for a dns-server test, for one of its servers).</summary>
internal sealed record ResultItem(TestRound Round, SimulatedAgent Agent, string? DnsServer = null);
