namespace AlertProbe.Core.Messages;

/// <summary>One agent's view of one run.</summary>
public sealed record AgentResult
{
    public required string AgentId { get; init; }

    public required string AgentName { get; init; }

    /// <summary>ISO 3166 alpha-2; null when the API did not say.</summary>
    public string? CountryId { get; init; }

    public required TestVerdict Verdict { get; init; }

    /// <summary>
    /// Numeric measurements by the API's field names ("loss", "avgLatency", "responseTime", …). Values must be
    /// finite: JSON has no NaN or infinity.
    /// </summary>
    public IReadOnlyDictionary<string, double> Metrics { get; init; } = new Dictionary<string, double>();

    /// <summary>The failure this agent saw, if any.</summary>
    public AgentError? Error { get; init; }
}
