using System.Globalization;
using System.Text.RegularExpressions;
using AlertProbe.Core.Alerts;
using AlertProbe.Core.Messages;

namespace AlertProbe.Core.FollowUp.WriteBack;

/// <summary>
/// What an alert carries to address its own record, read from what the parsers keep (never guessed):
/// <list type="bullet">
/// <item>PagerDuty v3 webhook: <c>event.data.id</c> is the incident id (the alert's id).</item>
/// <item>ServiceNow: the record's <c>sys_id</c> (label <c>sys_id</c>, 32 hex); a record sent with only its number
/// cannot be patched through the Table API, which addresses records by sys_id.</item>
/// <item>Grafana: the rule's <c>__dashboardUid__</c>/<c>__panelId__</c> annotations (Grafana links a rule to a panel
/// with exactly these two), else the dashboard UID in <c>dashboardURL</c> (<c>/d/{uid}/…</c>) and the panel in
/// <c>panelURL</c> (<c>viewPanel={id}</c>); without a dashboard, an organisation annotation tagged with the alert.</item>
/// <item>Jira: a label, annotation or custom property <c>jiraIssue</c> / <c>jira_issue</c> holding an issue key
/// (<c>OPS-123</c>), on an alert of any source.</item>
/// </list>
/// Every id is checked against its shape here, since it goes into a request path.
/// </summary>
public static partial class WriteBackTargets
{
    /// <summary>The names of the label, annotation or custom property that names a Jira issue.</summary>
    public static IReadOnlyList<string> JiraIssueFields { get; } = ["jiraIssue", "jira_issue"];

    public static IReadOnlyList<WriteBackTarget> From(Alert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var targets = new List<WriteBackTarget>();
        switch (alert.Source)
        {
            case AlertSource.PagerDuty when PagerDutyId().IsMatch(alert.Id):
                targets.Add(new WriteBackTarget { Kind = WriteBackKind.PagerDuty, Id = alert.Id });
                break;
            case AlertSource.ServiceNow when alert.Labels.TryGetValue("sys_id", out var sysId) && SysId().IsMatch(sysId):
                targets.Add(new WriteBackTarget { Kind = WriteBackKind.ServiceNow, Id = sysId.ToLowerInvariant() });
                break;
            case AlertSource.Grafana:
                targets.Add(Grafana(alert));
                break;
        }

        var jira = JiraIssueFields
            .Select(name => alert.Labels.GetValueOrDefault(name) ?? alert.Annotations.GetValueOrDefault(name) ?? alert.CustomProperties.GetValueOrDefault(name))
            .FirstOrDefault(value => value is not null && JiraKey().IsMatch(value.Trim()));
        if (jira is not null)
        {
            targets.Add(new WriteBackTarget { Kind = WriteBackKind.Jira, Id = jira.Trim() });
        }

        return targets;
    }

    private static WriteBackTarget Grafana(Alert alert)
    {
        var uid = alert.Annotations.GetValueOrDefault("__dashboardUid__");
        var panel = alert.Annotations.GetValueOrDefault("__panelId__");
        if (uid is null)
        {
            foreach (var link in alert.Links)
            {
                if (DashboardPath().Match(link.AbsolutePath) is { Success: true } match)
                {
                    uid = match.Groups["uid"].Value;
                    panel ??= ViewPanel().Match(link.Query) is { Success: true } view ? view.Groups["id"].Value : null;
                }
            }
        }

        var validUid = uid is not null && DashboardUid().IsMatch(uid) ? uid : null;
        long? panelId = validUid is not null && long.TryParse(panel, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
        return new WriteBackTarget { Kind = WriteBackKind.Grafana, Id = alert.Id, DashboardUid = validUid, PanelId = panelId };
    }

    // PagerDuty object ids are short upper-case alphanumerics (P1ABC23 in its examples); anything else is refused.
    [GeneratedRegex("^[A-Za-z0-9]{1,32}$")]
    private static partial Regex PagerDutyId();

    [GeneratedRegex("^[0-9a-fA-F]{32}$")]
    private static partial Regex SysId();

    // Jira project keys start with a letter, then letters, digits or underscores; the issue number follows a dash.
    [GeneratedRegex("^[A-Z][A-Z0-9_]{0,254}-[1-9][0-9]{0,17}$")]
    private static partial Regex JiraKey();

    // Grafana dashboard UIDs: up to 40 letters, digits, '-' and '_'.
    [GeneratedRegex("^[A-Za-z0-9_-]{1,40}$")]
    private static partial Regex DashboardUid();

    [GeneratedRegex("/d/(?<uid>[A-Za-z0-9_-]{1,40})(/|$)")]
    private static partial Regex DashboardPath();

    [GeneratedRegex("[?&]viewPanel=(?<id>[0-9]{1,18})(&|$)")]
    private static partial Regex ViewPanel();
}
