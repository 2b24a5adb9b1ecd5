namespace AlertProbe.Core.Alerts;

/// <summary>
/// AlertProbe's one severity scale, ordered from most to least severe so that
/// <c>severity &lt;= AlertSeverity.Error</c> reads "error or worse".
/// Mapping: Azure Monitor Sev0..Sev4 → Critical..Verbose; PagerDuty high/low urgency → Critical/Warning;
/// ServiceNow severity/priority 1..5 → Critical..Verbose; Alertmanager/Grafana <c>labels.severity</c> by name.
/// </summary>
public enum AlertSeverity
{
    Critical = 0,
    Error = 1,
    Warning = 2,
    Informational = 3,
    Verbose = 4,
    Unknown = 5,
}
