using System.Text.Json.Nodes;

namespace AlertProbe.ThousandEyes.Results;

/// <summary>One per-agent, per-round result row: the common fields parsed, the rest in <see cref="Raw"/>.</summary>
public sealed record TestResultRow
{
    public string? AgentId { get; init; }

    public string? AgentName { get; init; }

    /// <summary>ISO 3166 alpha-2.</summary>
    public string? CountryId { get; init; }

    public long? RoundId { get; init; }

    public DateTimeOffset? Date { get; init; }

    /// <summary>
    /// The row as ThousandEyes sent it (metrics such as loss, avgLatency, responseCode, errorType…), except that v6's
    /// no-error marker <c>"errorType": "None"</c> is removed, so an errorType present always names a failed phase.
    /// </summary>
    public required JsonObject Raw { get; init; }
}
