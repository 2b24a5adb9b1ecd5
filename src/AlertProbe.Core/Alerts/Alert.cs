using System.Text.Json.Nodes;

namespace AlertProbe.Core.Alerts;

/// <summary>
/// One alert or incident, normalised from whatever format it arrived in. Rules match on it and
/// templates draw their values from it; nothing in it is ever evaluated as a template.
/// </summary>
public sealed record Alert
{
    /// <summary>Where the alert came from.</summary>
    public required AlertSource Source { get; init; }

    /// <summary>A stable id for this alert across redeliveries and repeats (fingerprint, incident id, ARM alert id…).</summary>
    public required string Id { get; init; }

    public required AlertStatus Status { get; init; }

    /// <summary>Severity on AlertProbe's own scale.</summary>
    public required AlertSeverity Severity { get; init; }

    /// <summary>The severity exactly as the source wrote it (e.g. "Sev1", "critical", "P1", "2"), if any.</summary>
    public string? OriginalSeverity { get; init; }

    /// <summary>The alert rule or incident title.</summary>
    public required string Name { get; init; }

    public string? Description { get; init; }

    /// <summary>Labels, tags, dimensions and custom properties, flattened to strings (keys as the source wrote them).</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = EmptyMap;

    /// <summary>Annotations (Alertmanager/Grafana) or other free-text fields worth showing.</summary>
    public IReadOnlyDictionary<string, string> Annotations { get; init; } = EmptyMap;

    /// <summary>Azure Monitor customProperties (empty for other sources).</summary>
    public IReadOnlyDictionary<string, string> CustomProperties { get; init; } = EmptyMap;

    /// <summary>Candidate targets found in the alert: URLs, host names, IP addresses (best first).</summary>
    public IReadOnlyList<AlertTarget> Targets { get; init; } = [];

    /// <summary>Links for a human: generator, dashboard, incident page…</summary>
    public IReadOnlyList<Uri> Links { get; init; } = [];

    public DateTimeOffset? StartedAt { get; init; }

    public DateTimeOffset? EndedAt { get; init; }

    /// <summary>Where the requester asked for the verdict to go (a manual request's <c>reply</c>, as sent); null when none.</summary>
    public JsonObject? Reply { get; init; }

    private static readonly IReadOnlyDictionary<string, string> EmptyMap = new Dictionary<string, string>();
}
