using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Azure.Messaging.ServiceBus;
using Microsoft.AspNetCore.Mvc;
using static AlertProbe.Functions.Tests.Ingress.IngressTestHost;

namespace AlertProbe.Functions.Tests.Ingress;

public sealed class AlertWebhookTests
{
    private const string AlertmanagerBody = """{"version":"4","status":"firing","receiver":"alertprobe","alerts":[{"status":"firing","labels":{"instance":"https://shop.example.com"}}]}""";
    private const string PagerDutyBody = """{"event":{"id":"01EVT","event_type":"incident.triggered","resource_type":"incident","occurred_at":"2026-03-01T11:59:00.000Z","data":{"id":"PINC1"}}}""";
    private const string PagerDutySecret = "pd-secret-Zq81";
    private const string GrafanaSecret = "grafana-secret-Wx55";

    private static Dictionary<string, string?> Settings(params (string Key, string? Value)[] extra)
    {
        var settings = new Dictionary<string, string?> { ["ServiceBus"] = "unused: the client is mocked" };
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }

        return settings;
    }

    private static string PagerDutySignature(string secret, string body)
        => "v1=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(body)));

    [Fact]
    public async Task Valid_alert_webhook_is_answered_202_after_exactly_one_message_is_queued()
    {
        using var host = new IngressTestHost(Settings());

        var result = await host.AlertWebhook.Run(Request(AlertmanagerBody), "alertmanager", CancellationToken.None);

        Assert.Equal(202, StatusOf(result));
        var message = Assert.Single(host.Queued);
        Assert.Equal(AlertmanagerBody, message.Body.ToString());
        Assert.Equal(("application/json", "alertmanager"), (message.ContentType, (string)message.ApplicationProperties["source"]));
        Assert.StartsWith("alertmanager:body-sha256:", message.MessageId, StringComparison.Ordinal);
        Assert.Contains(message.MessageId, BodyOf(result), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Retried_delivery_of_the_same_body_gets_the_same_message_id_for_duplicate_detection()
    {
        using var host = new IngressTestHost(Settings());

        await host.AlertWebhook.Run(Request(AlertmanagerBody), "alertmanager", CancellationToken.None);
        await host.AlertWebhook.Run(Request(AlertmanagerBody), "alertmanager", CancellationToken.None);

        Assert.Equal(host.Queued[0].MessageId, host.Queued[1].MessageId);
    }

    [Fact]
    public async Task Webhook_without_a_source_is_queued_without_a_hint()
    {
        using var host = new IngressTestHost(Settings());

        var result = await host.AlertWebhook.Run(Request(AlertmanagerBody), null, CancellationToken.None);

        Assert.Equal(202, StatusOf(result));
        Assert.False(Assert.Single(host.Queued).ApplicationProperties.ContainsKey("source"));
    }

    [Fact]
    public async Task Route_source_is_matched_case_insensitively_and_sent_in_canonical_form()
    {
        using var host = new IngressTestHost(Settings());

        await host.AlertWebhook.Run(Request(AlertmanagerBody), "Azure-Monitor", CancellationToken.None);

        Assert.Equal("azure-monitor", Assert.Single(host.Queued).ApplicationProperties["source"]);
    }

    [Fact]
    public async Task Unknown_source_is_404_and_nothing_is_queued()
    {
        using var host = new IngressTestHost(Settings());

        var result = await host.AlertWebhook.Run(Request(AlertmanagerBody), "nagios", CancellationToken.None);

        Assert.Equal(404, StatusOf(result));
        Assert.Empty(host.Queued);
    }

    [Fact]
    public async Task Empty_body_is_400_and_nothing_is_queued()
    {
        using var host = new IngressTestHost(Settings());

        var result = await host.AlertWebhook.Run(Request(string.Empty), "alertmanager", CancellationToken.None);

        Assert.Equal(400, StatusOf(result));
        Assert.Empty(host.Queued);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Body_over_the_limit_is_413_and_nothing_is_queued(bool sendContentLength)
    {
        using var host = new IngressTestHost(Settings(("Ingress:MaxBodyBytes", "1024")));
        var body = Encoding.UTF8.GetBytes($$"""{"version":"4","padding":"{{new string('x', 1100)}}"}""");

        var result = await host.AlertWebhook.Run(Request(body, sendContentLength: sendContentLength), "alertmanager", CancellationToken.None);

        Assert.Equal(413, StatusOf(result));
        Assert.Empty(host.Queued);
    }

    [Fact]
    public async Task Body_exactly_at_the_limit_is_queued()
    {
        using var host = new IngressTestHost(Settings(("Ingress:MaxBodyBytes", "1024")));
        var body = Encoding.UTF8.GetBytes($$"""{"p":"{{new string('x', 1024 - 8)}}"}""");
        Assert.Equal(1024, body.Length);

        var result = await host.AlertWebhook.Run(Request(body, sendContentLength: false), "alertmanager", CancellationToken.None);

        Assert.Equal(202, StatusOf(result));
    }

    [Fact]
    public async Task Service_Bus_failure_is_503_with_retry_after_so_the_sender_retries()
    {
        using var host = new IngressTestHost(Settings(), new ServiceBusException("busy", ServiceBusFailureReason.ServiceBusy));
        var request = Request(AlertmanagerBody);

        var result = await host.AlertWebhook.Run(request, "alertmanager", CancellationToken.None);

        Assert.Equal(503, StatusOf(result));
        Assert.Equal("30", request.HttpContext.Response.Headers.RetryAfter.ToString());
    }

    [Fact]
    public async Task Signed_PagerDuty_delivery_is_queued_with_a_message_id_from_its_signed_body_not_its_webhook_id()
    {
        using var host = new IngressTestHost(Settings(("Ingress:PagerDuty:SigningSecret", PagerDutySecret)));
        var headers = new Dictionary<string, string>
        {
            ["X-PagerDuty-Signature"] = PagerDutySignature(PagerDutySecret, PagerDutyBody),
            ["X-Webhook-Id"] = "e1b3c2a0-7a8f-4a0e-9f2b-000000000042",
        };

        var result = await host.AlertWebhook.Run(Request(PagerDutyBody, headers: headers), "pagerduty", CancellationToken.None);

        Assert.Equal(202, StatusOf(result));
        Assert.Equal(
            "pagerduty:body-sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(PagerDutyBody))),
            Assert.Single(host.Queued).MessageId);
    }

    [Theory]
    [InlineData(null, 401)]
    [InlineData("v1=nothex", 401)]
    [InlineData("wrong-secret", 401)]
    public async Task PagerDuty_delivery_with_a_bad_signature_is_refused_and_nothing_is_queued(string? signature, int status)
    {
        using var host = new IngressTestHost(Settings(("Ingress:PagerDuty:SigningSecret", PagerDutySecret)));
        var headers = new Dictionary<string, string>();
        if (signature is not null)
        {
            headers["X-PagerDuty-Signature"] = signature == "wrong-secret" ? PagerDutySignature(signature, PagerDutyBody) : signature;
        }

        var result = await host.AlertWebhook.Run(Request(PagerDutyBody, headers: headers), "pagerduty", CancellationToken.None);

        Assert.Equal(status, StatusOf(result));
        Assert.Empty(host.Queued);
    }

    [Fact]
    public async Task PagerDuty_without_a_configured_secret_relies_on_the_function_key()
    {
        using var host = new IngressTestHost(Settings());

        var result = await host.AlertWebhook.Run(Request(PagerDutyBody), "pagerduty", CancellationToken.None);

        Assert.Equal(202, StatusOf(result));
    }

    [Fact]
    public async Task Grafana_delivery_signed_with_timestamp_is_queued()
    {
        using var host = new IngressTestHost(Settings(
            ("Ingress:Grafana:SigningSecret", GrafanaSecret),
            ("Ingress:Grafana:SignatureHeader", "X-Grafana-Alert-Signature"),
            ("Ingress:Grafana:TimestampHeader", "X-Grafana-Alerting-Timestamp")));
        var timestamp = Now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var body = """{"version":"1","orgId":1,"status":"firing","alerts":[]}""";
        var signature = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(GrafanaSecret), Encoding.UTF8.GetBytes(timestamp + ":" + body)));
        var headers = new Dictionary<string, string> { ["X-Grafana-Alert-Signature"] = signature, ["X-Grafana-Alerting-Timestamp"] = timestamp };

        var result = await host.AlertWebhook.Run(Request(body, headers: headers), "grafana", CancellationToken.None);

        Assert.Equal(202, StatusOf(result));
        Assert.Single(host.Queued);
    }

    [Fact]
    public async Task Grafana_delivery_replayed_after_the_window_is_401_and_nothing_is_queued()
    {
        using var host = new IngressTestHost(Settings(
            ("Ingress:Grafana:SigningSecret", GrafanaSecret),
            ("Ingress:Grafana:TimestampHeader", "X-Grafana-Alerting-Timestamp")));
        var timestamp = Now.AddMinutes(-10).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var body = """{"version":"1","orgId":1,"status":"firing","alerts":[]}""";
        var signature = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(GrafanaSecret), Encoding.UTF8.GetBytes(timestamp + ":" + body)));
        var headers = new Dictionary<string, string> { ["X-Grafana-Alerting-Signature"] = signature, ["X-Grafana-Alerting-Timestamp"] = timestamp };

        var result = await host.AlertWebhook.Run(Request(body, headers: headers), "grafana", CancellationToken.None);

        Assert.Equal(401, StatusOf(result));
        Assert.Empty(host.Queued);
    }

    [Fact]
    public async Task Refusals_are_problem_details()
    {
        using var host = new IngressTestHost(Settings(("Ingress:PagerDuty:SigningSecret", PagerDutySecret)));

        var result = await host.AlertWebhook.Run(Request(PagerDutyBody), "pagerduty", CancellationToken.None);

        var problem = Assert.IsType<ProblemDetails>(Assert.IsType<ObjectResult>(result).Value);
        Assert.Equal(("SignatureMissing", 401), (problem.Title, problem.Status));
    }
}
