using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using static AlertProbe.Functions.Tests.Ingress.IngressTestHost;

namespace AlertProbe.Functions.Tests.Ingress;

/// <summary>
/// Signatures follow the content, not the route (issue 9 item 4): a PagerDuty or Grafana body must be signed wherever
/// it is posted once that source has a secret, and a signed delivery cannot be replayed by changing unsigned headers.
/// </summary>
public sealed class SignedContentTests
{
    private const string PagerDutySecret = "pd-secret-Hq21";
    private const string GrafanaSecret = "grafana-secret-Lm07";

    private static readonly string PagerDutyBody = PagerDutyEvent(Now.AddMinutes(-1));

    private const string GrafanaBody = """{"receiver":"alertprobe","status":"firing","orgId":1,"version":"1","groupKey":"{}:{}","alerts":[{"status":"firing","labels":{"alertname":"Down","instance":"https://shop.example.com"},"annotations":{},"startsAt":"2026-03-01T11:59:00Z","fingerprint":"f1"}]}""";

    private static string PagerDutyEvent(DateTimeOffset occurredAt) =>
        new JsonObject
        {
            ["event"] = new JsonObject
            {
                ["id"] = "01EVT" + occurredAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
                ["event_type"] = "incident.triggered",
                ["resource_type"] = "incident",
                ["occurred_at"] = occurredAt.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture),
                ["data"] = new JsonObject { ["id"] = "PINC1", ["type"] = "incident", ["title"] = "https://shop.example.com is down" },
            },
        }.ToJsonString();

    private static Dictionary<string, string?> Settings(params (string Key, string? Value)[] extra)
    {
        var settings = new Dictionary<string, string?>
        {
            ["ServiceBus"] = "unused: the client is mocked",
            ["Ingress:PagerDuty:SigningSecret"] = PagerDutySecret,
            ["Ingress:Grafana:SigningSecret"] = GrafanaSecret,
        };
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }

        return settings;
    }

    private static Dictionary<string, string> PagerDutyHeaders(string body, string webhookId = "wh-1", string secret = PagerDutySecret) => new()
    {
        ["X-PagerDuty-Signature"] = "v1=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(body))),
        ["X-Webhook-Id"] = webhookId,
    };

    private static Dictionary<string, string> GrafanaHeaders(string body) => new()
    {
        ["X-Grafana-Alerting-Signature"] = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(GrafanaSecret), Encoding.UTF8.GetBytes(body))),
    };

    public static TheoryData<string?> EveryRoute => new(null, "alertmanager", "azure-monitor", "servicenow", "manual", "cloudevents", "pagerduty", "grafana");

    [Theory]
    [MemberData(nameof(EveryRoute))]
    public async Task Unsigned_pagerduty_content_is_401_on_every_route_and_nothing_is_queued(string? route)
    {
        using var host = new IngressTestHost(Settings());

        var result = await host.AlertWebhook.Run(Request(PagerDutyBody), route, CancellationToken.None);

        Assert.Equal(401, StatusOf(result));
        Assert.Empty(host.Queued);
    }

    [Theory]
    [MemberData(nameof(EveryRoute))]
    public async Task Unsigned_grafana_content_is_401_on_every_route_and_nothing_is_queued(string? route)
    {
        using var host = new IngressTestHost(Settings());

        var result = await host.AlertWebhook.Run(Request(GrafanaBody), route, CancellationToken.None);

        Assert.Equal(401, StatusOf(result));
        Assert.Empty(host.Queued);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("grafana")]
    [InlineData("alertmanager")]
    public async Task Correctly_signed_grafana_content_is_queued_on_the_auto_grafana_and_alertmanager_routes(string? route)
    {
        using var host = new IngressTestHost(Settings());

        var result = await host.AlertWebhook.Run(Request(GrafanaBody, headers: GrafanaHeaders(GrafanaBody)), route, CancellationToken.None);

        Assert.Equal(202, StatusOf(result));
        Assert.Single(host.Queued);
    }

    [Fact]
    public async Task Pagerduty_content_inside_a_cloudevent_is_refused_unless_pagerduty_signed_the_body()
    {
        using var host = new IngressTestHost(Settings());
        var envelope = new JsonObject
        {
            ["specversion"] = "1.0",
            ["id"] = "ce-1",
            ["source"] = "/pagerduty",
            ["type"] = "com.pagerduty.webhook",
            ["datacontenttype"] = "application/json",
            ["data"] = JsonNode.Parse(PagerDutyBody),
        }.ToJsonString();

        var result = await host.AlertWebhook.Run(Request(envelope, "application/cloudevents+json"), "cloudevents", CancellationToken.None);

        Assert.Equal(401, StatusOf(result));
        Assert.Empty(host.Queued);
    }

    [Fact]
    public async Task Signed_pagerduty_delivery_replayed_with_another_webhook_id_gets_the_same_message_id()
    {
        using var host = new IngressTestHost(Settings());

        await host.AlertWebhook.Run(Request(PagerDutyBody, headers: PagerDutyHeaders(PagerDutyBody, "wh-original")), "pagerduty", CancellationToken.None);
        await host.AlertWebhook.Run(Request(PagerDutyBody, headers: PagerDutyHeaders(PagerDutyBody, "wh-forged-" + Guid.NewGuid())), "pagerduty", CancellationToken.None);
        await host.AlertWebhook.Run(Request(PagerDutyBody, headers: PagerDutyHeaders(PagerDutyBody, "wh-forged-2")), null, CancellationToken.None);

        Assert.Equal(3, host.Queued.Count);
        Assert.Equal(host.Queued[0].MessageId, host.Queued[1].MessageId);
        Assert.EndsWith(host.Queued[0].MessageId.Split(':')[^1], host.Queued[2].MessageId, StringComparison.Ordinal);
        Assert.StartsWith("pagerduty:body-sha256:", host.Queued[0].MessageId, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-59, 202)]
    [InlineData(-61, 401)]
    [InlineData(-24 * 60, 401)]
    [InlineData(4, 202)]
    [InlineData(6, 401)]
    public async Task Signed_pagerduty_event_outside_the_freshness_window_is_401(int minutesFromNow, int status)
    {
        using var host = new IngressTestHost(Settings());
        var body = PagerDutyEvent(Now.AddMinutes(minutesFromNow));

        var result = await host.AlertWebhook.Run(Request(body, headers: PagerDutyHeaders(body)), "pagerduty", CancellationToken.None);

        Assert.Equal(status, StatusOf(result));
        Assert.Equal(status == 202 ? 1 : 0, host.Queued.Count);
    }

    [Fact]
    public async Task Signed_pagerduty_event_without_an_occurred_at_is_401()
    {
        using var host = new IngressTestHost(Settings());
        const string body = """{"event":{"id":"01EVT","event_type":"incident.triggered","data":{"id":"PINC1"}}}""";

        var result = await host.AlertWebhook.Run(Request(body, headers: PagerDutyHeaders(body)), "pagerduty", CancellationToken.None);

        Assert.Equal(401, StatusOf(result));
        Assert.Empty(host.Queued);
    }

    [Fact]
    public async Task Alertmanager_content_stays_unsigned_when_only_pagerduty_and_grafana_have_secrets()
    {
        using var host = new IngressTestHost(Settings());
        const string body = """{"version":"4","status":"firing","receiver":"alertprobe","alerts":[{"status":"firing","labels":{"instance":"https://shop.example.com"}}]}""";

        var result = await host.AlertWebhook.Run(Request(body), "alertmanager", CancellationToken.None);

        Assert.Equal(202, StatusOf(result));
    }

    [Fact]
    public async Task Stale_teams_activity_is_401_even_when_correctly_signed()
    {
        using var host = new IngressTestHost(new Dictionary<string, string?>
        {
            ["ServiceBus"] = "unused: the client is mocked",
            ["Ingress:Teams:SigningSecret"] = ChatRequests.TeamsToken,
        });
        var activity = JsonNode.Parse(ChatRequests.TeamsActivity("<at>AlertProbe</at> dns example.com"))!.AsObject();
        activity["timestamp"] = Now.AddMinutes(-30).ToString("O", CultureInfo.InvariantCulture);
        var fresh = JsonNode.Parse(activity.ToJsonString())!.AsObject();
        fresh["timestamp"] = Now.AddSeconds(-20).ToString("O", CultureInfo.InvariantCulture);
        fresh["id"] = "1612345678902";

        var stale = await host.TeamsCommand.Run(ChatRequests.Teams(Encoding.UTF8.GetBytes(activity.ToJsonString())), CancellationToken.None);
        var ok = await host.TeamsCommand.Run(ChatRequests.Teams(Encoding.UTF8.GetBytes(fresh.ToJsonString())), CancellationToken.None);

        Assert.Equal((401, 200), (StatusOf(stale), StatusOf(ok)));
        Assert.Single(host.Queued);
    }
}
