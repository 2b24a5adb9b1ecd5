using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using static AlertProbe.Functions.Tests.Ingress.IngressTestHost;

namespace AlertProbe.Functions.Tests.Ingress;

/// <summary>
/// The hostile webhook and chat corpus (Ingress/Corpus/requests.json, issue 9): each request through the function
/// with every source's secret configured. Each gets its expected status (and reply); none throws; a refused request
/// queues nothing, and so can reach neither the intake nor ThousandEyes.
/// </summary>
public sealed class RequestsCorpusTests
{
    private const string PagerDutySecret = "pd-corpus-secret-Uy62";
    private const string GrafanaSecret = "grafana-corpus-secret-Rb40";

    private static readonly Lazy<IReadOnlyList<JsonElement>> Cases = new(() =>
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Ingress", "Corpus", "requests.json")));
        return [.. document.RootElement.GetProperty("cases").EnumerateArray().Select(item => item.Clone())];
    });

    public static TheoryData<string> CaseNames => new(Cases.Value.Select(item => item.GetProperty("name").GetString()!));

    private static Dictionary<string, string?> Settings() => new()
    {
        ["ServiceBus"] = "unused: the client is mocked",
        ["Ingress:PagerDuty:SigningSecret"] = PagerDutySecret,
        ["Ingress:Grafana:SigningSecret"] = GrafanaSecret,
        ["Ingress:Slack:SigningSecret"] = ChatRequests.SlackSecret,
        ["Ingress:Teams:SigningSecret"] = ChatRequests.TeamsToken,
        ["Ingress:Teams:ResultsWebhookUrl"] = "https://prod-00.westeurope.logic.azure.com/workflows/corpus",
    };

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task Hostile_request_gets_its_expected_answer_and_a_refusal_queues_nothing(string name)
    {
        var item = Cases.Value.Single(c => c.GetProperty("name").GetString() == name);
        var expect = item.GetProperty("expect");
        using var host = new IngressTestHost(Settings());

        var result = await RunAsync(host, item);

        var status = StatusOf(result);
        Assert.Equal(expect.GetProperty("status").GetInt32(), status);
        Assert.Equal(expect.GetProperty("queued").GetBoolean(), host.Queued.Count > 0);
        if (status is < 200 or > 299)
        {
            Assert.Empty(host.Queued);
        }

        if (expect.TryGetProperty("replyContains", out var reply))
        {
            Assert.Contains(reply.GetString()!, BodyOf(result), StringComparison.Ordinal);
        }
    }

    private static Task<IActionResult> RunAsync(IngressTestHost host, JsonElement item)
    {
        var endpoint = item.GetProperty("endpoint").GetString()!;
        var sign = item.GetProperty("sign").GetString()!;
        var text = item.GetProperty("body").GetString()!;
        if (item.TryGetProperty("bodyRepeat", out var repeat))
        {
            text = string.Concat(Enumerable.Repeat(text, repeat.GetInt32()));
        }

        var contentType = item.TryGetProperty("contentType", out var type) ? type.GetString()! : "application/json";
        var route = item.TryGetProperty("route", out var routeValue) ? routeValue.GetString() : null;
        return endpoint switch
        {
            "alerts" => host.AlertWebhook.Run(Request(Encoding.UTF8.GetBytes(text), contentType, WebhookHeaders(sign, text)), route, CancellationToken.None),
            "slack" => host.SlackCommand.Run(Slack(SlackForm(text, item), sign), CancellationToken.None),
            "slack-http-response-url" => host.SlackCommand.Run(Slack(Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(ChatRequests.SlackForm(text)).Replace("https%3A%2F%2Fhooks", "http%3A%2F%2Fhooks", StringComparison.Ordinal)), sign), CancellationToken.None),
            "teams" => host.TeamsCommand.Run(Teams(Activity(text, sign == "teams-stale"), sign), CancellationToken.None),
            "teams-raw" => host.TeamsCommand.Run(Teams(Encoding.UTF8.GetBytes(text), sign), CancellationToken.None),
            _ => throw new InvalidOperationException($"unknown endpoint {endpoint}"),
        };
    }

    /// <summary>The Slack form of the case's text, with the case's <c>responseUrl</c> in place of Slack's when it has one.</summary>
    private static byte[] SlackForm(string text, JsonElement item)
    {
        var form = ChatRequests.SlackForm(text);
        return item.TryGetProperty("responseUrl", out var responseUrl)
            ? Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(form).Replace(
                "response_url=" + Uri.EscapeDataString(ChatRequests.ResponseUrl),
                "response_url=" + Uri.EscapeDataString(responseUrl.GetString()!),
                StringComparison.Ordinal))
            : form;
    }

    private static Dictionary<string, string> WebhookHeaders(string sign, string body)
    {
        string Hex(string secret, string data) => Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(data)));
        return sign switch
        {
            "pagerduty" => new() { ["X-PagerDuty-Signature"] = "v1=" + Hex(PagerDutySecret, body) },
            "pagerduty-wrong-secret" => new() { ["X-PagerDuty-Signature"] = "v1=" + Hex("not-the-secret", body) },
            "pagerduty-malformed" => new() { ["X-PagerDuty-Signature"] = "v1=zz" },
            "pagerduty-v0-prefix" => new() { ["X-PagerDuty-Signature"] = "v0=" + Hex(PagerDutySecret, body) },
            "pagerduty-empty" => new() { ["X-PagerDuty-Signature"] = string.Empty },
            "pagerduty-other-body" => new() { ["X-PagerDuty-Signature"] = "v1=" + Hex(PagerDutySecret, body + " ") },
            "pagerduty-truncated-hex" => new() { ["X-PagerDuty-Signature"] = "v1=" + Hex(PagerDutySecret, body)[..62] },
            "grafana" => new() { ["X-Grafana-Alerting-Signature"] = Hex(GrafanaSecret, body) },
            "grafana-wrong" => new() { ["X-Grafana-Alerting-Signature"] = Hex("not-the-secret", body) },
            _ => [],
        };
    }

    private static HttpRequest Slack(byte[] body, string sign) => sign switch
    {
        "slack" => ChatRequests.SlackSigned(body, Now),
        "slack-wrong-secret" => ChatRequests.SlackSigned(body, Now, secret: "not-the-secret"),
        "slack-stale" => ChatRequests.SlackSigned(body, Now.AddMinutes(-6)),
        "slack-future" => ChatRequests.SlackSigned(body, Now.AddMinutes(6)),
        "slack-malformed" => WithHeader(ChatRequests.SlackSigned(body, Now), "X-Slack-Signature", "v0=xyz"),
        "slack-v1-prefix" => WithHeader(ChatRequests.SlackSigned(body, Now), "X-Slack-Signature", "v1=" + new string('a', 64)),
        _ => Request(body, "application/x-www-form-urlencoded"),
    };

    private static HttpRequest Teams(byte[] body, string sign) => sign switch
    {
        "teams" or "teams-stale" => ChatRequests.Teams(body),
        "teams-wrong-token" => ChatRequests.Teams(body, Convert.ToBase64String(new byte[32])),
        "teams-malformed" => Request(body, headers: new Dictionary<string, string> { ["Authorization"] = "HMAC not-base64!" }),
        _ => Request(body),
    };

    private static byte[] Activity(string text, bool stale)
    {
        var activity = JsonNode.Parse(ChatRequests.TeamsActivity(text))!.AsObject();
        activity["timestamp"] = (stale ? Now.AddMinutes(-30) : Now.AddSeconds(-5)).ToString("O", CultureInfo.InvariantCulture);
        return Encoding.UTF8.GetBytes(activity.ToJsonString());
    }

    private static HttpRequest WithHeader(HttpRequest request, string name, string value)
    {
        request.Headers[name] = value;
        return request;
    }
}
