using System.Text.Json;
using AlertProbe.Core.Alerts.Reading;
using AlertProbe.Core.Outcomes;

namespace AlertProbe.Core.Alerts.Formats;

/// <summary>
/// Reads the Alertmanager webhook body, which Grafana's webhook extends: every entry of <c>alerts[]</c>
/// becomes its own <see cref="Alert"/>, with its own status.
/// </summary>
internal static class PrometheusAlertReader
{
    // Label names that conventionally hold the probed thing, best first (blackbox exporter puts it in instance).
    private static readonly string[] TargetLabels = ["instance", "target", "url", "probe_url", "host", "hostname", "fqdn"];

    private static readonly string[] TargetAnnotations = ["probe_url", "probeUrl", "url", "target", "host"];

    private static readonly string[] GrafanaLinks = ["dashboardURL", "panelURL", "silenceURL", "imageURL"];

    public static AlertParseResult Read(JsonElement root, AlertSource source)
    {
        if (!root.TryGetValue("alerts", out var alerts) || alerts.ValueKind != JsonValueKind.Array)
        {
            return AlertParseResult.Rejected(
                RejectionReasons.MissingField,
                $"/alerts: {(source.ToString()[0] is 'A' or 'E' or 'I' or 'O' or 'U' ? "an" : "a")} {source} webhook body carries an 'alerts' array; none was found.",
                source);
        }

        var groupStatus = root.ReadString("status");
        var commonLabels = root.ReadStringMap("commonLabels");
        var groupLabels = root.ReadStringMap("groupLabels");
        var notes = new List<string>();
        var parsed = new List<Alert>();
        var index = 0;
        foreach (var alert in alerts.EnumerateArray())
        {
            if (alert.ValueKind != JsonValueKind.Object)
            {
                return AlertParseResult.Rejected(
                    RejectionReasons.InvalidField,
                    $"/alerts/{index}: each alert is a JSON object, found {alert.ValueKind}.",
                    source);
            }

            parsed.Add(ReadAlert(alert, source, groupStatus, commonLabels, groupLabels));
            index++;
        }

        if (parsed.Count == 0)
        {
            notes.Add($"{source} webhook carried no alerts.");
        }

        var truncated = root.ReadInteger("truncatedAlerts");
        if (truncated > 0)
        {
            notes.Add($"{truncated} alert(s) were truncated by the sender (max_alerts); only {parsed.Count} arrived.");
        }

        return AlertParseResult.Success(source, parsed, notes);
    }

    private static Alert ReadAlert(
        JsonElement alert,
        AlertSource source,
        string? groupStatus,
        Dictionary<string, string> commonLabels,
        Dictionary<string, string> groupLabels)
    {
        var labels = alert.ReadStringMap("labels");
        if (labels.Count == 0)
        {
            labels = new Dictionary<string, string>(commonLabels, StringComparer.Ordinal);
        }

        var annotations = alert.ReadStringMap("annotations");
        if (source == AlertSource.Grafana)
        {
            // Grafana: the evaluated values of the rule's queries (e.g. "B" → 44.2); older versions send valueString.
            foreach (var (name, value) in alert.ReadStringMap("values"))
            {
                annotations[$"values.{name}"] = value;
            }

            var valueString = alert.ReadString("valueString");
            if (valueString is not null)
            {
                annotations["valueString"] = valueString;
            }
        }

        // Status is per alert; the group's status only fills in when an alert lacks one.
        // endsAt is never consulted: it is the zero time (or a guess at expiry) while an alert fires.
        var status = string.Equals(alert.ReadString("status") ?? groupStatus, "resolved", StringComparison.OrdinalIgnoreCase)
            ? AlertStatus.Resolved
            : AlertStatus.Firing;

        var severityText = labels.GetValueOrDefault("severity");
        var targets = new AlertTargetList();
        targets.AddFromMap(labels, TargetLabels, "labels");
        targets.AddFromMap(annotations, TargetAnnotations, "annotations");

        var links = new List<Uri>();
        AddLink(links, alert.ReadString("generatorURL"));
        if (source == AlertSource.Grafana)
        {
            foreach (var name in GrafanaLinks)
            {
                AddLink(links, alert.ReadString(name));
            }
        }

        return new Alert
        {
            Source = source,
            Id = alert.ReadString("fingerprint") ?? StableId.FromLabels(labels),
            Status = status,
            Severity = SeverityScale.FromName(severityText),
            OriginalSeverity = severityText,
            Name = labels.GetValueOrDefault("alertname") ?? groupLabels.GetValueOrDefault("alertname") ?? $"{source} alert",
            Description = annotations.GetValueOrDefault("description") ?? annotations.GetValueOrDefault("summary"),
            Labels = labels,
            Annotations = annotations,
            Targets = targets.ToList(),
            Links = links,
            StartedAt = alert.ReadTimestamp("startsAt") is { Year: > 1 } startsAt ? startsAt : null,
            EndedAt = status == AlertStatus.Resolved && alert.ReadTimestamp("endsAt") is { Year: > 1 } endsAt ? endsAt : null,
        };
    }

    private static void AddLink(List<Uri> links, string? value)
    {
        if (value is not null
            && Uri.TryCreate(value, UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
        {
            links.Add(uri);
        }
    }
}
