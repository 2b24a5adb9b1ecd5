using System.Globalization;
using AlertProbe.Simulator.Agents;

namespace AlertProbe.Simulator.State;

/// <summary>What kind of fault a <see cref="Situation"/> shows (docs/follow-up.md, "Simulator situations").</summary>
public enum SituationKind
{
    /// <summary>A whole-target failure of <see cref="TargetFailure"/> (timeout, HTTP status, unresolvable name, loss).</summary>
    Target,

    /// <summary>Connections time out from every agent although the traces reach the target's address.</summary>
    TargetDown,

    /// <summary>One agent fails: its traces die inside its own network; the other agents are healthy.</summary>
    AgentLocal,

    /// <summary>A dns-server test's server times out from every agent; the other servers answer.</summary>
    DnsServerDown,

    /// <summary>DNS answers carry an address the rule does not expect.</summary>
    DnsWrongAnswer,

    /// <summary>The affected agents' traces all stop at one transit hop; the other agents' traces avoid it.</summary>
    PathLoss,

    /// <summary>Every network probe is lost while the application answers.</summary>
    ProbesFiltered,

    /// <summary>The affected agents reach the target over IPv6 and fail; the others use IPv4 and succeed.</summary>
    Ipv6Only,

    /// <summary>
    /// One Cloud Agent fails and ThousandEyes lists it in <c>/v7/agents/local-problems</c> from the round's start; its
    /// traces stop in its own transit (so only the vendor's flag marks it agent-side).
    /// </summary>
    AgentLocalProblem,
}

/// <summary>
/// A fault the simulator shows for tests whose target contains a text (<see cref="SimulatorState.SetSituation"/>), in
/// the vendor's row shapes: per agent, per DNS server and in path visualisation (summary and hop-by-hop detail).
/// Syntax (<see cref="TryParse"/>): <c>timeout</c>, <c>http-503</c>, <c>dns</c>, <c>loss</c>, <c>loss-30</c>,
/// <c>target-down</c>, <c>agent-local[@ID,…]</c>, <c>dns-server-down[:SERVER]</c>, <c>dns-wrong-answer[:IP]</c>,
/// <c>path-loss[:HOP:IP:ASN][@ID,…]</c>, <c>probes-filtered</c>, <c>ipv6-only[@ID,…]</c>, <c>local-problem[@ID,…]</c>.
/// </summary>
public sealed record Situation
{
    /// <summary>The hop, address and AS of the default <c>path-loss</c> node (the issue's example: a Level 3 router).</summary>
    public const int DefaultLossHop = 7;

    public const string DefaultLossIp = "203.0.113.9";

    public const string DefaultLossNetwork = "Level 3 Parent, LLC (AS 3356)";

    /// <summary>The wrong answer <c>dns-wrong-answer</c> gives by default (TEST-NET-2, never a simulated target's address).</summary>
    public const string DefaultWrongAnswer = "198.51.100.66";

    public static readonly IReadOnlyList<string> Names =
        ["timeout", "http-NNN", "dns", "loss", "loss-NN", "target-down", "agent-local", "dns-server-down", "dns-wrong-answer", "path-loss", "probes-filtered", "ipv6-only", "local-problem"];

    public required SituationKind Kind { get; init; }

    /// <summary>The whole-target failure (<see cref="SituationKind.Target"/> only).</summary>
    public TargetFailure? Failure { get; init; }

    /// <summary>
    /// The agents that fail (agent-local, path-loss, ipv6-only); empty = the default: the test's first agent for
    /// agent-local, every agent but the first for path-loss and ipv6-only (the first stays healthy to compare with).
    /// </summary>
    public IReadOnlyList<long> Agents { get; init; } = [];

    /// <summary>The DNS server that is down; null = the test's last server.</summary>
    public string? Server { get; init; }

    public string WrongAnswer { get; init; } = DefaultWrongAnswer;

    public int LossHop { get; init; } = DefaultLossHop;

    public string LossIp { get; init; } = DefaultLossIp;

    public string LossNetwork { get; init; } = DefaultLossNetwork;

    public static Situation ForFailure(TargetFailure failure) => new() { Kind = SituationKind.Target, Failure = failure ?? throw new ArgumentNullException(nameof(failure)) };

    /// <summary>True when <paramref name="agent"/> is one of the failing agents of <paramref name="test"/>.</summary>
    public bool Affects(CreatedTest test, SimulatedAgent agent)
    {
        ArgumentNullException.ThrowIfNull(test);
        ArgumentNullException.ThrowIfNull(agent);
        if (Agents.Count > 0)
        {
            return Agents.Contains(agent.AgentId);
        }

        var first = test.Agents.Count > 0 ? test.Agents[0].AgentId : -1;
        return Kind switch
        {
            SituationKind.AgentLocal or SituationKind.AgentLocalProblem => agent.AgentId == first,
            SituationKind.PathLoss or SituationKind.Ipv6Only => agent.AgentId != first,
            SituationKind.TargetDown => true,
            _ => false,
        };
    }

    /// <summary>A short description for logs and CLI announcements.</summary>
    public string Describe() => Kind switch
    {
        SituationKind.Target => Failure!.Kind switch
        {
            TargetFailureKind.HttpStatus => $"answer HTTP {Failure.StatusCode}",
            TargetFailureKind.DnsFailure => "not resolve",
            TargetFailureKind.PacketLoss => Failure.LossPercent >= 100 ? "lose every packet" : $"lose {Failure.LossPercent.ToString(CultureInfo.InvariantCulture)}% of packets",
            _ => "time out",
        },
        SituationKind.TargetDown => "time out although traces reach the target",
        SituationKind.AgentLocal => $"fail from {AgentsText("the first agent")} only, inside its own network",
        SituationKind.DnsServerDown => $"get no answer from DNS server {Server ?? "(the test's last)"}",
        SituationKind.DnsWrongAnswer => $"get the DNS answer {WrongAnswer}",
        SituationKind.PathLoss => $"lose packets at hop {LossHop}, {LossIp} ({LossNetwork}) from {AgentsText("every agent but the first")}",
        SituationKind.ProbesFiltered => "answer while every network probe is lost",
        SituationKind.Ipv6Only => $"fail over IPv6 from {AgentsText("every agent but the first")}; IPv4 works",
        SituationKind.AgentLocalProblem => $"fail from {AgentsText("the first agent")}, which /v7/agents/local-problems lists",
        _ => Kind.ToString(),
    };

    /// <summary>Parses the situation syntax above; false with a reason naming the accepted forms otherwise.</summary>
    public static bool TryParse(string? text, out Situation? situation, out string? problem)
    {
        situation = null;
        problem = null;
        var value = (text ?? "").Trim();
        var agents = new List<long>();
        var at = value.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0)
        {
            foreach (var part in value[(at + 1)..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                if (!long.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
                {
                    problem = $"'{part}' is not an agent id (write @113,114).";
                    return false;
                }

                agents.Add(id);
            }

            if (agents.Count == 0)
            {
                problem = "'@' needs agent ids (write @113,114).";
                return false;
            }

            value = value[..at];
        }

        var colon = value.IndexOf(':', StringComparison.Ordinal);
        var name = (colon >= 0 ? value[..colon] : value).ToLowerInvariant();
        var args = colon >= 0 ? value[(colon + 1)..].Split(':') : [];
        situation = name switch
        {
            "" or "timeout" => ForFailure(TargetFailure.ConnectionTimeout),
            "dns" => ForFailure(TargetFailure.DnsFailure),
            "loss" => ForFailure(TargetFailure.PacketLoss),
            "target-down" => new Situation { Kind = SituationKind.TargetDown },
            "agent-local" => new Situation { Kind = SituationKind.AgentLocal },
            "dns-server-down" => new Situation { Kind = SituationKind.DnsServerDown, Server = args.Length > 0 && args[0].Length > 0 ? args[0] : null },
            "dns-wrong-answer" => new Situation { Kind = SituationKind.DnsWrongAnswer, WrongAnswer = args.Length > 0 && args[0].Length > 0 ? args[0] : DefaultWrongAnswer },
            "probes-filtered" => new Situation { Kind = SituationKind.ProbesFiltered },
            "ipv6-only" => new Situation { Kind = SituationKind.Ipv6Only },
            "local-problem" => new Situation { Kind = SituationKind.AgentLocalProblem },
            "path-loss" => PathLoss(args, out problem),
            _ when name.StartsWith("http-", StringComparison.Ordinal) && int.TryParse(name.AsSpan(5), NumberStyles.None, CultureInfo.InvariantCulture, out var code) && code is >= 400 and <= 599
                => ForFailure(TargetFailure.HttpStatus(code)),
            _ when name.StartsWith("loss-", StringComparison.Ordinal) && double.TryParse(name.AsSpan(5), NumberStyles.Float, CultureInfo.InvariantCulture, out var percent) && percent is > 0 and <= 100
                => ForFailure(TargetFailure.PartialPacketLoss(percent)),
            _ => null,
        };
        if (situation is null)
        {
            problem ??= $"'{text}' is not a situation; use one of {string.Join(", ", Names)} (docs/follow-up.md).";
            return false;
        }

        if (agents.Count > 0)
        {
            if (situation.Kind is not (SituationKind.AgentLocal or SituationKind.AgentLocalProblem or SituationKind.PathLoss or SituationKind.Ipv6Only))
            {
                problem = $"'{name}' applies to every agent; only agent-local, local-problem, path-loss and ipv6-only take @agent ids.";
                situation = null;
                return false;
            }

            situation = situation with { Agents = agents };
        }

        return true;
    }

    private static Situation? PathLoss(string[] args, out string? problem)
    {
        problem = null;
        if (args.Length == 0)
        {
            return new Situation { Kind = SituationKind.PathLoss };
        }

        if (args.Length != 3
            || !int.TryParse(args[0], NumberStyles.None, CultureInfo.InvariantCulture, out var hop) || hop is < 3 or > 30
            || !System.Net.IPAddress.TryParse(args[1], out _)
            || !long.TryParse(args[2], NumberStyles.None, CultureInfo.InvariantCulture, out var asn))
        {
            problem = "path-loss takes HOP:IP:ASN (hop 3-30), e.g. path-loss:7:203.0.113.9:3356.";
            return null;
        }

        return new Situation
        {
            Kind = SituationKind.PathLoss,
            LossHop = hop,
            LossIp = args[1],
            LossNetwork = asn == 3356 ? DefaultLossNetwork : string.Create(CultureInfo.InvariantCulture, $"Transit AS{asn} (AS {asn})"),
        };
    }

    private string AgentsText(string fallback) => Agents.Count == 0 ? fallback : "agents " + string.Join(", ", Agents);
}
