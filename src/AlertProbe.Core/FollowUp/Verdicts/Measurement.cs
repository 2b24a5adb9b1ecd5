using AlertProbe.Core.Messages;

namespace AlertProbe.Core.FollowUp.Verdicts;

/// <summary>
/// What the rows of one measurement said (one agent, and where the test has them one DNS server or one direction),
/// gathered family by family before its verdict is drawn.
/// </summary>
internal sealed class Measurement(string agentId, string agentName, string? countryId, string? server, string? direction)
{
    public string AgentId { get; } = agentId;

    public string AgentName { get; } = agentName;

    public string? CountryId { get; set; } = countryId;

    public string? Server { get; } = server;

    public string? Direction { get; } = direction;

    public string? ServerIp { get; set; }

    public Uri? AppLink { get; set; }

    public Dictionary<string, double> Metrics { get; } = new(StringComparer.Ordinal);

    public List<Failure> Failures { get; } = [];

    public List<Degradation> Degradations { get; } = [];

    /// <summary>Failures that count only when no family names a more specific one (a page-load row without a load time).</summary>
    public List<Failure> Fallbacks { get; } = [];

    /// <summary>Notes that change no verdict (probes filtered, a response code the test accepts).</summary>
    public List<string> Notes { get; } = [];

    /// <summary>The application got a connection: a response code, or an error in a phase after Connect.</summary>
    public bool Connected { get; set; }

    /// <summary>Every network probe was lost (loss 100 %): what a filter dropping the probes looks like.</summary>
    public bool AllProbesLost { get; set; }

    /// <summary>The application layer was measured (an HTTP/FTP/SIP/… row).</summary>
    public bool HasApplication { get; set; }

    public AgentPath? Path { get; set; }

    /// <summary>Why the measurement is left out of the failing share (agent-side), or null.</summary>
    public string? Excluded { get; set; }

    public string? Network => Path?.Network;

    public TestVerdict Verdict =>
        Failures.Count > 0 ? TestVerdict.Failing : Degradations.Count > 0 ? TestVerdict.Degraded : TestVerdict.Healthy;

    public bool Fails => Failures.Count > 0;

    /// <summary>The agent's network for counting "networks": its AS or prefix when known, else the agent itself.</summary>
    public string NetworkKey => Network ?? "agent:" + AgentId;

    public AgentResult ToResult() => new()
    {
        AgentId = AgentId,
        AgentName = AgentName,
        CountryId = CountryId,
        Server = Server,
        Direction = Direction,
        ServerIp = ServerIp ?? Path?.ServerIp,
        Network = Network,
        Verdict = Excluded is not null && Fails ? TestVerdict.Inconclusive : Verdict,
        Metrics = Metrics,
        Error = Failures.Count > 0 ? Failures[0].ToError() : null,
        Errors = [.. Failures.Select(failure => failure.ToError())],
        Findings = [.. Degradations.Select(d => d.Describe()), .. Notes],
        LastHop = Path is { } path ? DescribeLastHop(path) : null,
        Excluded = Excluded,
        AppLink = AppLink,
    };

    private static string? DescribeLastHop(AgentPath path)
    {
        if (path.LastHop is { } hop)
        {
            var reached = AgentPath.SameAddress(hop.IpAddress, path.ServerIp) ? " (target)" : string.Empty;
            return Wording.Invariant($"hop {hop.Hop} {hop.IpAddress}{(hop.Network is null ? "" : ", " + hop.Network)}{reached}");
        }

        return path.FailedTraceEnd is { } end ? $"trace ended at {end}" : path.Reached > 0 ? $"reached {path.ServerIp}" : null;
    }
}

/// <summary>A failure in one layer (<c>dns</c>, <c>connect</c>, <c>application</c>, <c>network</c>, <c>voice</c>, …) at a named phase.</summary>
internal sealed record Failure(string Layer, string Phase, string? Detail)
{
    public AgentError ToError() => new() { Phase = Phase, Detail = Detail, Layer = Layer };
}

/// <summary>A measurement past its threshold: "queueing latency 450 ms (threshold 100 ms)".</summary>
internal sealed record Degradation(string Label, double Value, double Threshold, string Unit, bool LowerIsWorse)
{
    public string Describe() => Wording.Invariant($"{Label} {Wording.Number(Value)}{Unit} (threshold {Wording.Number(Threshold)}{Unit})");
}
