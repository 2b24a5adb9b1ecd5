namespace AlertProbe.Core.Alerts;

/// <summary>The formats AlertProbe understands. Names are stable: they appear in rules, messages and logs.</summary>
public enum AlertSource
{
    Manual,
    AzureMonitor,
    Alertmanager,
    Grafana,
    PagerDuty,
    ServiceNow,
    CloudEvents,
    Slack,
    Teams,
}
