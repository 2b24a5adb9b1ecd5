using AlertProbe.Core.Messages;

namespace AlertProbe.Core.FollowUp.Verdicts;

/// <summary>What the rows of one agent said, gathered family by family before the agent's verdict is drawn.</summary>
internal sealed class AgentAssessment(string agentId, string agentName, string? countryId)
{
    public string AgentId { get; } = agentId;

    public string AgentName { get; } = agentName;

    public string? CountryId { get; } = countryId;

    public Dictionary<string, double> Metrics { get; } = new(StringComparer.Ordinal);

    public List<AgentError> Failures { get; } = [];

    public List<Degradation> Degradations { get; } = [];

    /// <summary>Failures that count only when no family names a more specific one (a page-load row without a load time).</summary>
    public List<AgentError> Fallbacks { get; } = [];

    public TestVerdict Verdict =>
        Failures.Count > 0 ? TestVerdict.Failing : Degradations.Count > 0 ? TestVerdict.Degraded : TestVerdict.Healthy;

    public AgentResult ToResult() => new()
    {
        AgentId = AgentId,
        AgentName = AgentName,
        CountryId = CountryId,
        Verdict = Verdict,
        Metrics = Metrics,
        Error = Failures.Count > 0 ? Failures[0] : null,
    };
}

/// <summary>A measurement past its threshold: "latency 450 ms (threshold 300 ms)".</summary>
internal sealed record Degradation(string Label, double Value, double Threshold, string Unit, bool LowerIsWorse);
