using System.Text.Json;
using AlertProbe.Core.Alerts.Reading;
using AlertProbe.Core.Outcomes;

namespace AlertProbe.Core.Alerts.Formats;

/// <summary>
/// PagerDuty v3 webhooks (<c>{"event":{…}}</c>, one event per delivery). Incidents carry no host or URL:
/// targets are only those a pattern finds in the title (best effort), otherwise rules map the service.
/// </summary>
internal sealed class PagerDutyParser : IAlertFormat
{
    private static readonly Dictionary<string, AlertStatus> IncidentEvents = new(StringComparer.OrdinalIgnoreCase)
    {
        ["incident.triggered"] = AlertStatus.Firing,
        ["incident.reopened"] = AlertStatus.Firing,
        ["incident.escalated"] = AlertStatus.Firing,
        ["incident.priority_updated"] = AlertStatus.Firing,
        ["incident.unacknowledged"] = AlertStatus.Firing,

        // Acknowledged means someone is on it, not that it is fixed: the incident still fires.
        ["incident.acknowledged"] = AlertStatus.Firing,
        ["incident.resolved"] = AlertStatus.Resolved,
    };

    public AlertSource Source => AlertSource.PagerDuty;

    public string Signature => "PagerDuty v3 (event.event_type)";

    // v2 webhooks ({"messages":[{"event":"incident.trigger"…}]}) are recognised to refuse them clearly.
    public bool Recognises(JsonElement root) =>
        (root.ReadObject("event") is { } pagerDutyEvent && pagerDutyEvent.Has("event_type"))
        || (root.ReadArray("messages").FirstOrDefault() is { ValueKind: JsonValueKind.Object } message
            && message.ReadString("event")?.StartsWith("incident.", StringComparison.Ordinal) == true);

    public AlertParseResult Parse(JsonElement root, PayloadHints hints)
    {
        if (root.ReadObject("event") is not { } webhookEvent)
        {
            return root.Has("messages")
                ? AlertParseResult.Rejected(
                    RejectionReasons.UnsupportedSchema,
                    "PagerDuty v1/v2 webhook bodies are not supported (end of support 2022). Create a v3 webhook subscription instead.",
                    Source)
                : AlertParseResult.Rejected(RejectionReasons.MissingField, "/event: a PagerDuty v3 webhook carries an 'event' object.", Source);
        }

        var eventType = webhookEvent.ReadString("event_type");
        if (eventType is null)
        {
            return AlertParseResult.Rejected(RejectionReasons.MissingField, "/event/event_type is missing.", Source);
        }

        if (string.Equals(eventType, "pagey.ping", StringComparison.OrdinalIgnoreCase))
        {
            return AlertParseResult.Success(Source, [], ["pagey.ping ignored (PagerDuty webhook test)."]);
        }

        if (!IncidentEvents.TryGetValue(eventType, out var status))
        {
            return AlertParseResult.Success(Source, [], [$"PagerDuty event '{Truncate(eventType)}' does not start or end an incident; ignored."]);
        }

        if (webhookEvent.ReadObject("data") is not { } incident)
        {
            return AlertParseResult.Rejected(RejectionReasons.MissingField, "/event/data: the incident is missing.", Source);
        }

        var incidentId = incident.ReadString("id");
        if (incidentId is null)
        {
            return AlertParseResult.Rejected(RejectionReasons.MissingField, "/event/data/id: the incident id is missing.", Source);
        }

        var service = incident.ReadObject("service");
        var priority = incident.ReadObject("priority")?.ReadString("summary") ?? incident.ReadObject("priority")?.ReadString("name");
        var urgency = incident.ReadString("urgency");
        var labels = new Dictionary<string, string>(StringComparer.Ordinal) { ["event_type"] = eventType };
        AddLabel(labels, "service.summary", service?.ReadString("summary"));
        AddLabel(labels, "service.id", service?.ReadString("id"));
        AddLabel(labels, "priority", priority);
        AddLabel(labels, "urgency", urgency);
        AddLabel(labels, "incident_key", incident.ReadString("incident_key"));
        AddLabel(labels, "number", incident.ReadString("number"));
        AddLabel(labels, "status", incident.ReadString("status"));
        var teams = incident.ReadArray("teams").Select(team => team.ReadString("summary")).OfType<string>().ToList();
        if (teams.Count > 0)
        {
            labels["teams"] = string.Join(",", teams);
        }

        var title = incident.ReadString("title") ?? incident.ReadString("summary");
        var targets = new AlertTargetList();
        targets.AddRange(AlertTargetClassifier.FindInText(title, "data.title"));

        var links = new List<Uri>();
        if (incident.ReadString("html_url") is { } htmlUrl && Uri.TryCreate(htmlUrl, UriKind.Absolute, out var incidentPage))
        {
            links.Add(incidentPage);
        }

        var alert = new Alert
        {
            Source = Source,
            Id = incidentId,
            Status = status,
            Severity = Severity(priority, urgency),
            OriginalSeverity = priority ?? urgency,
            Name = title ?? $"PagerDuty incident {incidentId}",
            Labels = labels,
            Targets = targets.ToList(),
            Links = links,
            StartedAt = incident.ReadTimestamp("created_at"),
            EndedAt = status == AlertStatus.Resolved ? webhookEvent.ReadTimestamp("occurred_at") : null,
        };
        return AlertParseResult.Success(Source, [alert]);
    }

    /// <summary>Priority (P1..P5) when the account uses priorities; otherwise urgency: high → Critical, low → Warning.</summary>
    private static AlertSeverity Severity(string? priority, string? urgency)
    {
        var fromPriority = SeverityScale.FromName(priority);
        if (fromPriority != AlertSeverity.Unknown)
        {
            return fromPriority;
        }

        return urgency?.ToUpperInvariant() switch
        {
            "HIGH" => AlertSeverity.Critical,
            "LOW" => AlertSeverity.Warning,
            _ => AlertSeverity.Unknown,
        };
    }

    private static void AddLabel(Dictionary<string, string> labels, string name, string? value)
    {
        if (value is not null)
        {
            labels[name] = value;
        }
    }

    private static string Truncate(string text) => text.Length <= 80 ? text : text[..80] + "…";
}
