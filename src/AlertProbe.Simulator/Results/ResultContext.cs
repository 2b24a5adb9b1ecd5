using System.Globalization;
using AlertProbe.Simulator.Agents;
using AlertProbe.Simulator.Catalog;
using AlertProbe.Simulator.State;

namespace AlertProbe.Simulator.Results;

/// <summary>Everything one result (one agent, one round, one family) is derived from.</summary>
internal sealed class ResultContext
{
    public ResultContext(CreatedTest test, SimulatedAgent agent, TestRound round, ApiVersion version)
    {
        Test = test;
        Agent = agent;
        Round = round;
        Version = version;
        Random = DeterministicRandom.For(test.TestId, agent.AgentId.ToString(CultureInfo.InvariantCulture), round.RoundId.ToString(CultureInfo.InvariantCulture));
        var targetHash = DeterministicRandom.StableHash(test.Target);
        TargetOffsetMs = targetHash % 25;
        ServerIp = $"192.0.2.{(targetHash % 253) + 1}";
        Host = HostOf(test.Target);
    }

    public CreatedTest Test { get; }
    public SimulatedAgent Agent { get; }
    public TestRound Round { get; }
    public ApiVersion Version { get; }
    public DeterministicRandom Random { get; }
    public TargetFailure? Failure => Round.Failure;

    /// <summary>Extra round-trip time that belongs to the target, the same from every agent.</summary>
    public double TargetOffsetMs { get; }

    public string ServerIp { get; }

    /// <summary>The target's host name (from a URL, host:port or bare host).</summary>
    public string Host { get; }

    /// <summary>A plausible round-trip time from this agent to the target, in ms.</summary>
    public double RoundTripMs() => Agent.BaseLatencyMs + TargetOffsetMs + Random.Between(0.5, 4.0);

    /// <summary>True when nothing gets through: unresolvable name, timeouts, or total packet loss.</summary>
    public bool Unreachable => Failure is { Kind: not TargetFailureKind.HttpStatus, LossPercent: >= 100 };

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
