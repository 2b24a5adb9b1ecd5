using System.Text.Json.Serialization;

namespace AlertProbe.Core.Messages;

/// <summary>
/// Where a verdict can be written back into the tool the alert came from: the PagerDuty incident, the ServiceNow
/// incident record, the Grafana dashboard/panel (or an organisation annotation), the Jira issue. Carried on
/// <see cref="InstantTestCreated"/> from run 0 on; what is done with it is the follow-up's <c>WriteBack</c> settings.
/// </summary>
public sealed record WriteBackTarget
{
    public required WriteBackKind Kind { get; init; }

    /// <summary>
    /// The record to address: the PagerDuty incident id, the ServiceNow <c>sys_id</c>, the Jira issue key, the Grafana
    /// alert's id (its fingerprint; tags an organisation annotation when no dashboard is known).
    /// </summary>
    public required string Id { get; init; }

    /// <summary>Grafana only: the dashboard the alert rule is linked to (<c>__dashboardUid__</c>), if any.</summary>
    public string? DashboardUid { get; init; }

    /// <summary>Grafana only: the panel the alert rule is linked to (<c>__panelId__</c>), if any.</summary>
    public long? PanelId { get; init; }
}

[JsonConverter(typeof(JsonStringEnumConverter<WriteBackKind>))]
public enum WriteBackKind
{
    [JsonStringEnumMemberName("pagerDuty")]
    PagerDuty,

    [JsonStringEnumMemberName("serviceNow")]
    ServiceNow,

    [JsonStringEnumMemberName("grafana")]
    Grafana,

    [JsonStringEnumMemberName("jira")]
    Jira,
}
