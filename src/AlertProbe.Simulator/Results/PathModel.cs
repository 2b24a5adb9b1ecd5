using System.Globalization;
using AlertProbe.Simulator.State;

namespace AlertProbe.Simulator.Results;

/// <summary>One simulated hop, in the vendor's terms (v7 Test_Results_API_PathVisHop): index, address, prefix, AS, RTT.</summary>
internal sealed record SimulatedHop(int Hop, string IpAddress, string Prefix, string Network, int ResponseTime);

/// <summary>
/// The route one agent's traces take to the target in one round, from which both path-visualisation shapes are
/// written: the summary (where each trace ended) and the per-agent, per-round detail (every hop). Each agent has its
/// own network (hops 1–2, its own AS) and its own transit, so a node two agents share is only ever a situation's
/// loss node; the target's edge and address are in the target's network. Deterministic per test, agent and round.
/// </summary>
internal static class PathModel
{
    public const string TargetNetwork = "Example Hosting (AS 64510)";

    /// <summary>The agent's own source prefix. A /32: the simulated cloud agents share 203.0.113.0/24 with the default loss node.</summary>
    public static string SourcePrefix(ResultContext context) => context.Agent.IpAddress + "/32";

    /// <summary>The agent's own network as path visualisation names an AS.</summary>
    public static string AgentNetwork(ResultContext context) =>
        string.Create(CultureInfo.InvariantCulture, $"{context.Agent.AgentName} access (AS {64496 + (context.Agent.AgentId % 15)})");

    /// <summary>The hops that answered, in order; the last is the target's address when the traces got through.</summary>
    public static IReadOnlyList<SimulatedHop> Route(ResultContext context)
    {
        var random = DeterministicRandom.For("path", context.Test.TestId, context.Agent.AgentId.ToString(CultureInfo.InvariantCulture), context.Round.RoundId.ToString(CultureInfo.InvariantCulture));
        var situation = context.Situation;
        var length = Math.Max(random.Between(6, 12), situation is { Kind: SituationKind.PathLoss } loss ? loss.LossHop + 2 : 0);
        var rtt = context.RoundTripMs();
        var hops = new List<SimulatedHop>();
        var v6 = context.UsesIpv6;
        var id = context.Agent.AgentId % 250;

        int Time(int hop) => (int)Math.Round(rtt * hop / length);

        for (var hop = 1; hop < length; hop++)
        {
            if (hop <= 2)
            {
                hops.Add(new SimulatedHop(hop,
                    v6 ? $"2001:db8:a{id:x}::{hop}" : $"10.{id}.{hop - 1}.1",
                    v6 ? $"2001:db8:a{id:x}::/48" : $"10.{id}.0.0/16",
                    AgentNetwork(context), Time(hop)));
            }
            else
            {
                hops.Add(new SimulatedHop(hop,
                    v6 ? $"2001:db8:b{id:x}::{hop}" : $"198.18.{id}.{hop}",
                    v6 ? $"2001:db8:b{id:x}::/48" : $"198.18.{id}.0/24",
                    string.Create(CultureInfo.InvariantCulture, $"Simulated Transit {context.Agent.AgentId} (AS {64512 + (context.Agent.AgentId % 15)})"),
                    Time(hop)));
            }
        }

        var target = new SimulatedHop(length, context.ServerIp, v6 ? context.ServerIp[..context.ServerIp.IndexOf("::", StringComparison.Ordinal)] + "::/48" : "192.0.2.0/24", TargetNetwork, Time(length));
        if (context.Affected && situation is not null)
        {
            switch (situation.Kind)
            {
                case SituationKind.AgentLocal:
                    // The traces die at the agent's own second hop: inside its own AS.
                    return hops.Take(2).ToList();
                case SituationKind.PathLoss:
                    return [.. hops.Take(situation.LossHop - 1), new SimulatedHop(situation.LossHop, situation.LossIp, PrefixOf(situation.LossIp), situation.LossNetwork, Time(situation.LossHop))];
                case SituationKind.Ipv6Only:
                    // The IPv6 traces reach the target's edge (in its own prefix and AS) and no further.
                    var edge = context.ServerIp[..context.ServerIp.IndexOf("::", StringComparison.Ordinal)] + "::1";
                    return [.. hops, target with { IpAddress = edge, Hop = length }];
                case SituationKind.TargetDown:
                    return [.. hops, target];
                case SituationKind.AgentLocalProblem:
                    // Stops in the agent's own transit, outside its own AS: the traces alone do not say "agent-side".
                    return hops.Take(Math.Max(3, length / 2)).ToList();
            }
        }

        if (situation is { Kind: SituationKind.ProbesFiltered })
        {
            // The probes are dropped at the target's edge: every hop before it answers.
            return hops;
        }

        if (context.Unreachable)
        {
            // A whole-target failure (timeout, loss, unresolvable name): the traces stop half-way, in the agent's own transit.
            return hops.Take(Math.Max(3, length / 2)).ToList();
        }

        return [.. hops, target];
    }

    private static string PrefixOf(string address)
    {
        var parts = address.Split('.');
        return parts.Length == 4 ? $"{parts[0]}.{parts[1]}.{parts[2]}.0/24" : address + "/128";
    }
}
