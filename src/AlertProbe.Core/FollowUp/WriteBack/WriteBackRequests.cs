using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using AlertProbe.Core.Messages;

namespace AlertProbe.Core.FollowUp.WriteBack;

/// <summary>
/// The one request each destination gets per run, as its vendor documents it (sources in
/// docs/follow-up.md and in the tests' contract data):
/// <list type="bullet">
/// <item>PagerDuty REST API v2: <c>POST {ApiUrl}/incidents/{id}/notes</c>, <c>Authorization: Token token=…</c>,
/// <c>Accept: application/vnd.pagerduty+json;version=2</c>, <c>From: {user e-mail}</c>, body <c>{"note":{"content":…}}</c>.</item>
/// <item>ServiceNow Table API: <c>PATCH {InstanceUrl}/api/now/table/incident/{sys_id}</c>, basic or bearer auth,
/// body <c>{"work_notes":…}</c> (a journal field: the text is added as a new work note).</item>
/// <item>Grafana: <c>POST {Url}/api/annotations</c>, <c>Authorization: Bearer …</c>, body <c>dashboardUID</c>/<c>panelId</c>
/// when known, <c>time</c>/<c>timeEnd</c> (epoch ms), <c>tags</c>, <c>text</c>.</item>
/// <item>Jira Cloud REST API v3: <c>POST {Url}/rest/api/3/issue/{key}/comment</c>, basic auth e-mail:API token,
/// body <c>{"body": an Atlassian Document Format doc}</c>.</item>
/// </list>
/// Paths are built under the configured base URL (its own path kept), ids escaped; the credential goes only to it.
/// </summary>
public static class WriteBackRequests
{
    public const string PagerDutyAccept = "application/vnd.pagerduty+json;version=2";

    public static HttpRequestMessage PagerDuty(PagerDutyWriteBackOptions options, string token, WriteBackTarget target, WriteBackText text)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(text);
        var request = Json(HttpMethod.Post, Under(options.ApiUrl, $"incidents/{Uri.EscapeDataString(target.Id)}/notes"), new JsonObject
        {
            ["note"] = new JsonObject { ["content"] = text.ToPlainText() },
        });
        request.Headers.Authorization = new AuthenticationHeaderValue("Token", "token=" + token);
        request.Headers.TryAddWithoutValidation("Accept", PagerDutyAccept);
        request.Headers.TryAddWithoutValidation("From", options.From);
        return request;
    }

    public static HttpRequestMessage ServiceNow(ServiceNowWriteBackOptions options, string secret, WriteBackTarget target, WriteBackText text)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(text);
        var request = Json(HttpMethod.Patch, Under(options.InstanceUrl!, $"api/now/table/incident/{Uri.EscapeDataString(target.Id)}"), new JsonObject
        {
            ["work_notes"] = text.ToPlainText(),
        });
        request.Headers.Authorization = options.UsesToken
            ? new AuthenticationHeaderValue("Bearer", secret)
            : Basic(options.User!, secret);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return request;
    }

    public static HttpRequestMessage Grafana(
        GrafanaWriteBackOptions options, string token, WriteBackTarget target, InstantTestCreated created, InstantTestResults results, WriteBackText text)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(created);
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(text);
        var body = new JsonObject();
        if (target.DashboardUid is { } uid)
        {
            body["dashboardUID"] = uid;
            if (target.PanelId is { } panel)
            {
                body["panelId"] = panel;
            }
        }

        // The run as a region: from its creation to the verdict. Tags find it from any dashboard (organisation annotation).
        body["time"] = created.CreatedAt.ToUnixTimeMilliseconds();
        body["timeEnd"] = Math.Max(created.CreatedAt.ToUnixTimeMilliseconds(), results.CollectedAt.ToUnixTimeMilliseconds());
        body["tags"] = new JsonArray("alertprobe", $"verdict:{results.Verdict.ToString().ToLowerInvariant()}", $"alert:{target.Id}", $"test:{results.TestId}");
        body["text"] = text.ToPlainText();
        var request = Json(HttpMethod.Post, Under(options.Url!, "api/annotations"), body);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return request;
    }

    public static HttpRequestMessage Jira(JiraWriteBackOptions options, string token, WriteBackTarget target, WriteBackText text)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(text);
        var request = Json(HttpMethod.Post, Under(options.Url!, $"rest/api/3/issue/{Uri.EscapeDataString(target.Id)}/comment"), new JsonObject
        {
            ["body"] = AtlassianDocument(text),
        });
        request.Headers.Authorization = Basic(options.Email!, token);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return request;
    }

    /// <summary>
    /// Atlassian Document Format: a <c>doc</c> (version 1) of block nodes — paragraphs, a bullet list of list items
    /// (each holding a paragraph) — whose inline <c>text</c> nodes carry marks (<c>strong</c>, <c>link</c> with <c>href</c>).
    /// </summary>
    public static JsonObject AtlassianDocument(WriteBackText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var content = new JsonArray
        {
            Paragraph(Text(text.Title, new JsonObject { ["type"] = "strong" })),
        };
        if (text.Next is { } next)
        {
            content.Add(Paragraph(Text(next, new JsonObject { ["type"] = "em" })));
        }

        content.Add(Paragraph(Text(text.Test)));
        if (text.Reasons.Count > 0)
        {
            content.Add(BulletList(text.Reasons));
        }

        if (text.Agents.Count > 0)
        {
            content.Add(Paragraph(Text("Agents:")));
            content.Add(BulletList(text.Agents));
        }

        if (text.Link is { } link)
        {
            content.Add(Paragraph(
                Text(link.Label + ": "),
                Text(link.Url.AbsoluteUri, new JsonObject { ["type"] = "link", ["attrs"] = new JsonObject { ["href"] = link.Url.AbsoluteUri } })));
        }

        if (text.LinkNote is { } note)
        {
            content.Add(Paragraph(Text(note)));
        }

        return new JsonObject { ["type"] = "doc", ["version"] = 1, ["content"] = content };
    }

    private static JsonObject BulletList(IEnumerable<string> items)
    {
        var list = new JsonArray();
        foreach (var item in items)
        {
            list.Add(new JsonObject { ["type"] = "listItem", ["content"] = new JsonArray(Paragraph(Text(item))) });
        }

        return new JsonObject { ["type"] = "bulletList", ["content"] = list };
    }

    private static JsonObject Paragraph(params JsonObject[] inline) => new() { ["type"] = "paragraph", ["content"] = new JsonArray(inline) };

    private static JsonObject Text(string value, JsonObject? mark = null)
    {
        var node = new JsonObject { ["type"] = "text", ["text"] = value };
        if (mark is not null)
        {
            node["marks"] = new JsonArray(mark);
        }

        return node;
    }

    /// <summary><paramref name="relative"/> under <paramref name="baseUrl"/>, keeping the base's own path (a Grafana behind /grafana/).</summary>
    public static Uri Under(Uri baseUrl, string relative)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        var root = baseUrl.AbsoluteUri.EndsWith('/') ? baseUrl : new Uri(baseUrl.AbsoluteUri + "/");
        return new Uri(root, relative);
    }

    private static AuthenticationHeaderValue Basic(string user, string secret) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{secret}")));

    private static HttpRequestMessage Json(HttpMethod method, Uri url, JsonObject body) => new(method, url)
    {
        Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
    };
}
