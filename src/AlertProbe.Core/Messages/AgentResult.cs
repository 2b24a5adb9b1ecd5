namespace AlertProbe.Core.Messages;

/// <summary>
/// One measurement of one run, keyed by what it measures: the agent, and where the test has them, the DNS server it
/// asked (<see cref="Server"/>) and the direction of an agent-to-agent stream (<see cref="Direction"/>).
/// </summary>
public sealed record AgentResult
{
    public required string AgentId { get; init; }

    public required string AgentName { get; init; }

    /// <summary>ISO 3166 alpha-2; null when the API did not say.</summary>
    public string? CountryId { get; init; }

    /// <summary>The DNS server this row measured (dns-server tests); null when the row is not per server.</summary>
    public string? Server { get; init; }

    /// <summary>Agent-to-agent direction (<c>to-target</c> / <c>from-target</c>); null when the test is one-way.</summary>
    public string? Direction { get; init; }

    /// <summary>The target address the agent used (<c>serverIp</c>), when a row named it.</summary>
    public string? ServerIp { get; init; }

    /// <summary>The agent's own network: the AS of its first traced hop, else its source prefix; null when unknown.</summary>
    public string? Network { get; init; }

    public required TestVerdict Verdict { get; init; }

    /// <summary>
    /// Numeric measurements by the API's field names ("loss", "avgLatency", "responseTime", …). Values must be
    /// finite: JSON has no NaN or infinity. A failed row's zero placeholders (phases never reached) are left out.
    /// </summary>
    public IReadOnlyDictionary<string, double> Metrics { get; init; } = new Dictionary<string, double>();

    /// <summary>The first failure this agent saw, if any (kept for 1.0 readers; <see cref="Errors"/> has them all).</summary>
    public AgentError? Error { get; init; }

    /// <summary>Every failure this agent saw, most specific first.</summary>
    public IReadOnlyList<AgentError> Errors { get; init; } = [];

    /// <summary>Every measurement past a threshold, in words ("loss 12% (degraded from 2%)").</summary>
    public IReadOnlyList<string> Findings { get; init; } = [];

    /// <summary>Where this agent's path traces ended ("hop 7 203.0.113.9, AS 3356"), when path visualisation was read.</summary>
    public string? LastHop { get; init; }

    /// <summary>Why this agent is left out of the run's failing share (an agent-side problem), or null.</summary>
    public string? Excluded { get; init; }

    /// <summary>The row's <c>_links.appLink</c> (v7) or <c>permalink</c> (v6): this agent's round in the ThousandEyes app.</summary>
    public Uri? AppLink { get; init; }
}
