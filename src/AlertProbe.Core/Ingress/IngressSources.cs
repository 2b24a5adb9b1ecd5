namespace AlertProbe.Core.Ingress;

/// <summary>
/// Values of the <c>source</c> application property and of the webhook route's <c>{source}</c> segment. The intake
/// uses them as format hints. Chat commands are queued as <see cref="Manual"/> requests (the intake's format hint)
/// with <see cref="Slack"/> or <see cref="Teams"/> as their <c>origin</c>.
/// </summary>
public static class IngressSources
{
    public const string AzureMonitor = "azure-monitor";
    public const string Alertmanager = "alertmanager";
    public const string Grafana = "grafana";
    public const string PagerDuty = "pagerduty";
    public const string ServiceNow = "servicenow";
    public const string CloudEvents = "cloudevents";
    public const string Manual = "manual";
    public const string Slack = "slack";
    public const string Teams = "teams";

    /// <summary>What <c>POST /api/alerts/{source}</c> accepts (chat has its own endpoints).</summary>
    public static IReadOnlyList<string> Webhooks { get; } = [AzureMonitor, Alertmanager, Grafana, PagerDuty, ServiceNow, CloudEvents, Manual];

    /// <summary>The canonical name of a webhook route segment, or null when it names nothing known.</summary>
    public static string? NormalizeWebhook(string? routeValue)
    {
        if (string.IsNullOrWhiteSpace(routeValue))
        {
            return null;
        }

        foreach (var known in Webhooks)
        {
            if (string.Equals(known, routeValue, StringComparison.OrdinalIgnoreCase))
            {
                return known;
            }
        }

        return null;
    }
}
