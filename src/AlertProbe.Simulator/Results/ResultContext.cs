using System.Globalization;
using AlertProbe.Simulator.Agents;
using AlertProbe.Simulator.Catalog;
using AlertProbe.Simulator.State;

namespace AlertProbe.Simulator.Results;

/// <summary>Everything one result (one agent, one round, one family) is derived from.</summary>
internal sealed class ResultContext
{
    public ResultContext(CreatedTest test, SimulatedAgent agent, TestRound round, ApiVersion version, string? dnsServer = null)
    {
        Test = test;
        Agent = agent;
        Round = round;
        Version = version;
        DnsServer = dnsServer;
        Random = DeterministicRandom.For(test.TestId, agent.AgentId.ToString(CultureInfo.InvariantCulture), round.RoundId.ToString(CultureInfo.InvariantCulture) + dnsServer);
        var targetHash = DeterministicRandom.StableHash(test.Target);
        TargetOffsetMs = targetHash % 25;
        Ipv4ServerIp = $"192.0.2.{(targetHash % 253) + 1}";
        Host = HostOf(test.Target);
        Affected = round.Situation?.Affects(test, agent) == true;
        var situation = round.Situation?.Kind;
        UsesIpv6 = situation == SituationKind.Ipv6Only && Affected;
        ServerIp = UsesIpv6 ? $"2001:db8:{(targetHash % 0xfff) + 1:x}::10" : Ipv4ServerIp;
        Failure = round.Failure ?? (Affected && situation is SituationKind.AgentLocal or SituationKind.AgentLocalProblem or SituationKind.PathLoss or SituationKind.Ipv6Only or SituationKind.TargetDown
            ? TargetFailure.ConnectionTimeout
            : situation == SituationKind.DnsServerDown && string.Equals(dnsServer, DownServer(test, round.Situation!), StringComparison.OrdinalIgnoreCase)
                ? TargetFailure.ConnectionTimeout
                : null);
    }

    public CreatedTest Test { get; }
    public SimulatedAgent Agent { get; }
    public TestRound Round { get; }
    public ApiVersion Version { get; }
    public DeterministicRandom Random { get; }
    /// <summary>What this agent (and DNS server) sees: the whole-target failure, or the situation's failure for an affected agent.</summary>
    public TargetFailure? Failure { get; }

    /// <summary>The DNS server this dns-server row is for (null for other families).</summary>
    public string? DnsServer { get; }

    /// <summary>The situation of the round, if any (per agent, per server or path).</summary>
    public Situation? Situation => Round.Situation;

    /// <summary>True when the round's situation makes this agent fail.</summary>
    public bool Affected { get; }

    /// <summary>True when this agent reaches the target over IPv6 (<see cref="SituationKind.Ipv6Only"/>).</summary>
    public bool UsesIpv6 { get; }

    /// <summary>The target's IPv4 address (the same from every agent).</summary>
    public string Ipv4ServerIp { get; }

    /// <summary>Extra round-trip time that belongs to the target, the same from every agent.</summary>
    public double TargetOffsetMs { get; }

    public string ServerIp { get; }

    /// <summary>The target's host name (from a URL, host:port or bare host).</summary>
    public string Host { get; }

    /// <summary>A plausible round-trip time from this agent to the target, in ms.</summary>
    public double RoundTripMs() => Agent.BaseLatencyMs + TargetOffsetMs + Random.Between(0.5, 4.0);

    /// <summary>True when nothing gets through: unresolvable name, timeouts, or total packet loss.</summary>
    public bool Unreachable => Failure is { Kind: not TargetFailureKind.HttpStatus, LossPercent: >= 100 };

    /// <summary>The server a dns-server-down situation takes down: the one it names, else the test's last server.</summary>
    public static string? DownServer(CreatedTest test, Situation situation) => situation.Server ?? (DnsMetrics.Servers(test) is { Count: > 0 } servers ? servers[^1] : null);

    private static string HostOf(string target)
    {
        if (Uri.TryCreate(target, UriKind.Absolute, out var uri) && !string.IsNullOrEmpty(uri.Host))
        {
            return uri.Host;
        }

        var colon = target.LastIndexOf(':');
        return colon > 0 ? target[..colon] : target;
    }
}
