using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using AlertProbe.Core.Ingress;
using Azure.Messaging.ServiceBus;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using static AlertProbe.Functions.Tests.Ingress.IngressTestHost;

namespace AlertProbe.Functions.Tests.Ingress;

public sealed class IngressSecretTests
{
    private const string PagerDutySecret = "pd-secret-DO-NOT-LEAK-4471";
    private const string GrafanaSecret = "grafana-secret-DO-NOT-LEAK-9913";

    private static readonly string[] Secrets = [ChatRequests.SlackSecret, ChatRequests.TeamsToken, PagerDutySecret, GrafanaSecret];

    private static Dictionary<string, string?> Settings() => new()
    {
        ["ServiceBus"] = "unused: the client is mocked",
        ["Ingress:Slack:SigningSecret"] = ChatRequests.SlackSecret,
        ["Ingress:Teams:SigningSecret"] = ChatRequests.TeamsToken,
        ["Ingress:PagerDuty:SigningSecret"] = PagerDutySecret,
        ["Ingress:Grafana:SigningSecret"] = GrafanaSecret,
        ["Ingress:Grafana:TimestampHeader"] = "X-Grafana-Alerting-Timestamp",
    };

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task No_response_or_log_line_contains_a_signing_secret(bool queueFails)
    {
        using var host = new IngressTestHost(Settings(), queueFails ? new ServiceBusException("busy", ServiceBusFailureReason.ServiceBusy) : null);
        var results = new List<IActionResult>();
        var pagerDutyBody = """{"event":{"id":"01EVT","event_type":"incident.triggered"}}""";
        var pagerDutySignature = "v1=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(PagerDutySecret), Encoding.UTF8.GetBytes(pagerDutyBody)));
        var timestamp = Now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var grafanaBody = """{"version":"1","orgId":1,"alerts":[]}""";
        var grafanaSignature = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(GrafanaSecret), Encoding.UTF8.GetBytes(timestamp + ":" + grafanaBody)));

        results.Add(await host.AlertWebhook.Run(Request(pagerDutyBody, headers: new Dictionary<string, string> { ["X-PagerDuty-Signature"] = pagerDutySignature }), "pagerduty", CancellationToken.None));
        results.Add(await host.AlertWebhook.Run(Request(pagerDutyBody, headers: new Dictionary<string, string> { ["X-PagerDuty-Signature"] = "v1=" + new string('0', 64) }), "pagerduty", CancellationToken.None));
        results.Add(await host.AlertWebhook.Run(Request(grafanaBody, headers: new Dictionary<string, string> { ["X-Grafana-Alerting-Signature"] = grafanaSignature, ["X-Grafana-Alerting-Timestamp"] = timestamp }), "grafana", CancellationToken.None));
        results.Add(await host.AlertWebhook.Run(Request(grafanaBody, headers: new Dictionary<string, string> { ["X-Grafana-Alerting-Signature"] = "zz" }), "grafana", CancellationToken.None));
        results.Add(await host.SlackCommand.Run(ChatRequests.Slack("http https://shop.example.com", Now), CancellationToken.None));
        results.Add(await host.SlackCommand.Run(ChatRequests.Slack("http https://shop.example.com", Now, secret: "wrong"), CancellationToken.None));
        results.Add(await host.SlackCommand.Run(ChatRequests.Slack("nonsense", Now), CancellationToken.None));
        results.Add(await host.TeamsCommand.Run(ChatRequests.Teams(ChatRequests.TeamsActivity("<at>AlertProbe</at> dns example.com")), CancellationToken.None));
        results.Add(await host.TeamsCommand.Run(ChatRequests.Teams(ChatRequests.TeamsActivity("<at>AlertProbe</at> dns example.com"), Convert.ToBase64String(new byte[32])), CancellationToken.None));

        var logs = host.Logs.GetSnapshot();
        Assert.NotEmpty(logs);
        var texts = results.Select(BodyOf)
            .Concat(logs.Select(record => record.Message))
            .Concat(logs.Select(record => record.Exception?.ToString() ?? string.Empty))
            .Concat(logs.SelectMany(record => record.StructuredState ?? []).Select(pair => pair.Value ?? string.Empty))
            .ToList();
        foreach (var secret in Secrets)
        {
            Assert.DoesNotContain(texts, text => text.Contains(secret, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Invalid_secret_settings_fail_at_start_naming_the_setting_but_not_the_value()
    {
        const string NotBase64 = "not-base64 token value!";
        using var host = new IngressTestHost(new Dictionary<string, string?>
        {
            ["ServiceBus"] = "unused",
            ["Ingress:Teams:SigningSecret"] = NotBase64,
            ["Ingress:Slack:SigningSecret"] = ChatRequests.SlackSecret,
            ["Ingress:Slack:SigningSecretName"] = "slack-signing-secret",
        });

        var exception = Assert.Throws<OptionsValidationException>(() => host.Options.Value);

        Assert.Contains("Ingress:Teams:SigningSecret must be the base64 security token", exception.Message, StringComparison.Ordinal);
        Assert.Contains("Ingress:Slack: set either SigningSecret or SigningSecretName, not both.", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(NotBase64, exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(ChatRequests.SlackSecret, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Secret_name_without_a_key_vault_fails_at_start()
    {
        using var host = new IngressTestHost(new Dictionary<string, string?>
        {
            ["ServiceBus"] = "unused",
            ["Ingress:PagerDuty:SigningSecretName"] = "pagerduty-webhook-secret",
        });

        var exception = Assert.Throws<OptionsValidationException>(() => host.Options.Value);

        Assert.Contains("Ingress:PagerDuty:SigningSecretName needs Ingress:KeyVaultUri (or KeyVault:Uri).", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Key_vault_uri_falls_back_to_the_shared_KeyVault_setting()
    {
        using var host = new IngressTestHost(new Dictionary<string, string?>
        {
            ["ServiceBus"] = "unused",
            ["KeyVault:Uri"] = "https://alertprobe-kv.vault.azure.net/",
            ["Ingress:PagerDuty:SigningSecretName"] = "pagerduty-webhook-secret",
        });

        Assert.Equal(new Uri("https://alertprobe-kv.vault.azure.net/"), host.Options.Value.KeyVaultUri);
    }

    [Fact]
    public async Task Unreadable_signing_secret_is_503_so_the_sender_retries()
    {
        var store = new Moq.Mock<SigningSecretStore>();
        store.Setup(s => s.GetAsync(Moq.It.IsAny<SignedSourceOptions>(), Moq.It.IsAny<CancellationToken>()))
            .Returns(() => new ValueTask<SigningSecretLookup>(SigningSecretLookup.Unavailable));
        using var host = new IngressTestHost(
            new Dictionary<string, string?>
            {
                ["ServiceBus"] = "unused",
                ["KeyVault:Uri"] = "https://alertprobe-kv.vault.azure.net/",
                ["Ingress:PagerDuty:SigningSecretName"] = "pagerduty-webhook-secret",
            },
            configure: services => Microsoft.Extensions.DependencyInjection.ServiceCollectionServiceExtensions.AddSingleton(services, store.Object));

        var result = await host.AlertWebhook.Run(Request("""{"event":{}}"""), "pagerduty", CancellationToken.None);

        Assert.Equal(503, StatusOf(result));
        Assert.Empty(host.Queued);
    }
}
