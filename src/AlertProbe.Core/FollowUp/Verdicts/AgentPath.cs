using System.Net;
using System.Net.Sockets;

namespace AlertProbe.Core.FollowUp.Verdicts;

/// <summary>One traced hop: index, address, prefix, the AS originating it, and RTT.</summary>
public sealed record PathHop(int Hop, string IpAddress, string? Prefix, string? Network, double? ResponseTime);

/// <summary>
/// What path visualisation says about one agent (and direction) in one round: its source address and prefix, the
/// target address, where each summary trace ended, and the hop-by-hop routes when the detail was read. The API gives
/// no per-hop loss: forwarding loss is derived from traces that stop short of the target.
/// </summary>
public sealed record AgentPath
{
    public required string AgentId { get; init; }

    public string? Direction { get; init; }

    public string? ServerIp { get; init; }

    public string? SourceIp { get; init; }

    public string? SourcePrefix { get; init; }

    /// <summary>Summary traces: the address each ended at (the target when it got through).</summary>
    public IReadOnlyList<string> TraceEnds { get; init; } = [];

    /// <summary>Detail routes (each the hops that answered, in order); empty when only the summary was read.</summary>
    public IReadOnlyList<IReadOnlyList<PathHop>> Routes { get; init; } = [];

    /// <summary>Traces or routes that reached the target's address.</summary>
    public int Reached => Routes.Count > 0
        ? Routes.Count(route => route.Count > 0 && SameAddress(route[^1].IpAddress, ServerIp))
        : TraceEnds.Count(end => SameAddress(end, ServerIp));

    public int Traces => Routes.Count > 0 ? Routes.Count : TraceEnds.Count;

    public bool HasTraces => Traces > 0;

    /// <summary>Share (%) of traces that stopped before the target: forwarding loss as far as traces show it.</summary>
    public double ForwardingLossPercent => Traces == 0 ? 0 : 100.0 * (Traces - Reached) / Traces;

    /// <summary>The last answering hop of the first route that did not reach the target, or null (all reached, or no detail).</summary>
    public PathHop? LastHopOfFailedRoute => Routes
        .Where(route => route.Count > 0 && !SameAddress(route[^1].IpAddress, ServerIp))
        .Select(route => route[^1])
        .FirstOrDefault();

    /// <summary>The last answering hop of any route (the target when reached).</summary>
    public PathHop? LastHop => LastHopOfFailedRoute ?? Routes.Where(route => route.Count > 0).Select(route => route[^1]).FirstOrDefault();

    /// <summary>Where the summary traces ended when none reached the target.</summary>
    public string? FailedTraceEnd => TraceEnds.FirstOrDefault(end => !SameAddress(end, ServerIp));

    /// <summary>The agent's own network: the AS of its first traced hop, else its source prefix.</summary>
    public string? Network => Routes.SelectMany(route => route.Take(1)).Select(hop => hop.Network).FirstOrDefault(network => network is not null) ?? SourcePrefix;

    /// <summary>The AS of the target's address, when a route reached it.</summary>
    public string? TargetNetwork => Routes.SelectMany(route => route).FirstOrDefault(hop => SameAddress(hop.IpAddress, ServerIp))?.Network;

    /// <summary>True when <paramref name="hop"/> lies in the agent's own source prefix or its own AS.</summary>
    public bool IsLocal(PathHop hop)
    {
        ArgumentNullException.ThrowIfNull(hop);
        var firstNetwork = Routes.SelectMany(route => route.Take(1)).Select(h => h.Network).FirstOrDefault(network => network is not null);
        return InPrefix(hop.IpAddress, SourcePrefix) || (firstNetwork is not null && string.Equals(hop.Network, firstNetwork, StringComparison.Ordinal));
    }

    public static bool SameAddress(string? a, string? b) =>
        a is not null && b is not null && IPAddress.TryParse(a, out var x) && IPAddress.TryParse(b, out var y) ? x.Equals(y) : a is not null && string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    /// <summary>True when <paramref name="address"/> lies in the CIDR <paramref name="prefix"/>.</summary>
    public static bool InPrefix(string? address, string? prefix)
    {
        if (address is null || prefix is null || !IPAddress.TryParse(address, out var ip) || !IPNetwork.TryParse(prefix, out var network))
        {
            return false;
        }

        return network.Contains(ip);
    }

    /// <summary>"IPv4" or "IPv6" for an address, null for anything else.</summary>
    public static string? FamilyOf(string? address) =>
        address is not null && IPAddress.TryParse(address, out var ip)
            ? ip.AddressFamily == AddressFamily.InterNetworkV6 && !ip.IsIPv4MappedToIPv6 ? "IPv6" : "IPv4"
            : null;
}
