namespace AlertProbe.Core.Tests.FollowUp.WriteBack;

/// <summary>
/// What each vendor documents for the one call a write-back makes, transcribed (not copied) with its source, so
/// the tests check requests against the vendor's word rather than against our own code.
/// </summary>
internal static class WriteBackContract
{
    /// <summary>
    /// PagerDuty REST API v2, "Create a note on an incident": POST /incidents/{id}/notes, body {"note":{"content"}},
    /// header From (e-mail of a user of the account, required). Sources: developer.pagerduty.com/api-reference
    /// (9529ec706026d-create-a-note-on-an-incident, response shape {"note":{id,user,content,created_at}}); the
    /// stackql PagerDuty provider generated from the vendor's OpenAPI (create_incident_note requires id, From, note);
    /// PagerDuty/developer-docs REST-API/03-Versioning.md (Accept: application/vnd.pagerduty+json;version=2) and
    /// 02-Authentication.md (Authorization: Token token=…; PSPagerDuty's header helper sends the same two headers).
    /// </summary>
    public static readonly VendorCall PagerDuty = new(
        "POST", "/incidents/{id}/notes", "Token token=",
        new Dictionary<string, string> { ["Accept"] = "application/vnd.pagerduty+json;version=2", ["From"] = "{from}" },
        BodyTextPath: ["note", "content"]);

    /// <summary>
    /// ServiceNow Table API: PATCH /api/now/table/{tableName}/{sys_id} updates the fields sent (PUT and PATCH behave the
    /// same on this API), basic auth (or an OAuth bearer token); work_notes is the incident's work-notes journal field.
    /// Sources: docs.servicenow.com Table API reference (Table - PATCH /now/table/{tableName}/{sys_id}, "Default URL:
    /// /api/now/table/{tableName}/{sys_id}"); the ServiceNow PowerShell module's Update-ServiceNowRecord example
    /// setting work_notes.
    /// </summary>
    public static readonly VendorCall ServiceNow = new(
        "PATCH", "/api/now/table/incident/{id}", "Basic ",
        new Dictionary<string, string> { ["Accept"] = "application/json" },
        BodyTextPath: ["work_notes"]);

    /// <summary>
    /// Grafana HTTP API, "Create Annotation": POST /api/annotations with dashboardUID, panelId, time, timeEnd (epoch
    /// ms), tags, text; without dashboardUID an organisation annotation shown by tag. Service account tokens are bearer
    /// tokens. Sources: grafana.com/docs/grafana/…/developer-resources/api-reference/http-api/api-legacy/annotations
    /// (and the v12.4 page); grafana.com alerting docs "Create and link alert rules to panels" (__dashboardUid__ and
    /// __panelId__ annotations, set together).
    /// </summary>
    public static readonly VendorCall Grafana = new(
        "POST", "/api/annotations", "Bearer ",
        new Dictionary<string, string> { ["Accept"] = "application/json" },
        BodyTextPath: ["text"]);

    /// <summary>
    /// Jira Cloud REST API v3, "Add comment": POST /rest/api/3/issue/{issueIdOrKey}/comment, body {"body": ADF doc};
    /// basic auth with the Atlassian account e-mail and an API token. Sources: developer.atlassian.com/cloud/jira/platform
    /// "Basic auth for REST APIs" (email:api_token); the v3 comment API as described by jira.js (AddComment.comment is
    /// "The comment text in Atlassian Document Format") and the atlassian-sdk cljdoc (comment bodies are ADF).
    /// </summary>
    public static readonly VendorCall Jira = new(
        "POST", "/rest/api/3/issue/{id}/comment", "Basic ",
        new Dictionary<string, string> { ["Accept"] = "application/json" },
        BodyTextPath: ["body"]);
}

internal sealed record VendorCall(string Method, string PathTemplate, string AuthorizationPrefix, IReadOnlyDictionary<string, string> Headers, string[] BodyTextPath);
