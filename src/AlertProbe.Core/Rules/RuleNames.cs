using AlertProbe.Core.Alerts;

namespace AlertProbe.Core.Rules;

/// <summary>The names rules use for sources and severities (kebab-case, stable: they are part of the rules format).</summary>
public static class RuleNames
{
    private static readonly Dictionary<AlertSource, string> SourceNames = new()
    {
        [AlertSource.Manual] = "manual",
        [AlertSource.AzureMonitor] = "azure-monitor",
        [AlertSource.Alertmanager] = "alertmanager",
        [AlertSource.Grafana] = "grafana",
        [AlertSource.PagerDuty] = "pagerduty",
        [AlertSource.ServiceNow] = "servicenow",
        [AlertSource.CloudEvents] = "cloudevents",
        [AlertSource.Slack] = "slack",
        [AlertSource.Teams] = "teams",
    };

    private static readonly Dictionary<AlertSeverity, string> SeverityNames = new()
    {
        [AlertSeverity.Critical] = "critical",
        [AlertSeverity.Error] = "error",
        [AlertSeverity.Warning] = "warning",
        [AlertSeverity.Informational] = "informational",
        [AlertSeverity.Verbose] = "verbose",
        [AlertSeverity.Unknown] = "unknown",
    };

    public static IEnumerable<string> Sources => SourceNames.Values;

    public static IEnumerable<string> Severities => SeverityNames.Values;

    public static string Of(AlertSource source) => SourceNames[source];

    public static string Of(AlertSeverity severity) => SeverityNames[severity];

    public static bool TryParseSource(string name, out AlertSource source)
    {
        foreach (var (key, value) in SourceNames)
        {
            if (string.Equals(value, name, StringComparison.OrdinalIgnoreCase))
            {
                source = key;
                return true;
            }
        }

        source = default;
        return false;
    }

    public static bool TryParseSeverity(string name, out AlertSeverity severity)
    {
        foreach (var (key, value) in SeverityNames)
        {
            if (string.Equals(value, name, StringComparison.OrdinalIgnoreCase))
            {
                severity = key;
                return true;
            }
        }

        severity = default;
        return false;
    }
}
