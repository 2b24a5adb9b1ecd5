using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using static AlertProbe.Functions.Tests.Ingress.IngressTestHost;

namespace AlertProbe.Functions.Tests.Ingress;

/// <summary>
/// A configured source whose secret is missing refuses requests instead of switching verification off (issue 17
/// item 3): a re-provision that drops the secret setting, an empty Key Vault secret or an unresolved Key Vault
/// reference must not let unsigned content through.
/// </summary>
public sealed class MissingSecretTests
{
    private static readonly string PagerDutyBody =
        """{"event":{"id":"01EVT","event_type":"incident.triggered","occurred_at":""" + "\"" + Now.AddMinutes(-1).ToString("O", CultureInfo.InvariantCulture) + "\""
        + ""","data":{"id":"PINC1","title":"https://shop.example.com"}}}""";

    public static TheoryData<string, string?> Misconfigurations => new()
    {
        { "Ingress:PagerDuty:RequireSignature", "true" },
        { "Ingress:PagerDuty:SigningSecret", "   " },
        { "Ingress:PagerDuty:SigningSecret", "@Microsoft.KeyVault(SecretUri=https://kv-alertprobe.vault.azure.net/secrets/pagerduty-signing-secret/)" },
    };

    [Theory]
    [MemberData(nameof(Misconfigurations))]
    public async Task Pagerduty_content_is_refused_503_while_its_required_secret_is_missing(string key, string? value)
    {
        using var host = new IngressTestHost(new Dictionary<string, string?>
        {
            ["ServiceBus"] = "unused: the client is mocked",
            ["Ingress:PagerDuty:RequireSignature"] = "true",
            [key] = value,
        });

        var unsigned = await host.AlertWebhook.Run(Request(PagerDutyBody), null, CancellationToken.None);
        var signedWithBlank = await host.AlertWebhook.Run(
            Request(PagerDutyBody, headers: new Dictionary<string, string>
            {
                ["X-PagerDuty-Signature"] = "v1=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(value ?? "x"), Encoding.UTF8.GetBytes(PagerDutyBody))),
            }),
            "pagerduty",
            CancellationToken.None);

        Assert.Equal((503, 503), (StatusOf(unsigned), StatusOf(signedWithBlank)));
        Assert.Contains("SecretMissing", BodyOf(unsigned), StringComparison.Ordinal);
        Assert.Empty(host.Queued);
        Assert.Contains(host.Logs.GetSnapshot(), record => record.Level == Microsoft.Extensions.Logging.LogLevel.Error && record.Message.Contains("missing", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Grafana_content_is_refused_while_grafana_requires_a_signature_without_a_secret()
    {
        using var host = new IngressTestHost(new Dictionary<string, string?>
        {
            ["ServiceBus"] = "unused: the client is mocked",
            ["Ingress:Grafana:RequireSignature"] = "true",
        });

        var result = await host.AlertWebhook.Run(Request("""{"orgId":1,"alerts":[{"status":"firing","labels":{"instance":"https://x.example.com"}}]}"""), "alertmanager", CancellationToken.None);

        Assert.Equal(503, StatusOf(result));
        Assert.Empty(host.Queued);
    }

    [Fact]
    public async Task Slack_with_an_unresolved_key_vault_reference_refuses_commands()
    {
        using var host = new IngressTestHost(new Dictionary<string, string?>
        {
            ["ServiceBus"] = "unused: the client is mocked",
            ["Ingress:Slack:SigningSecret"] = "@Microsoft.KeyVault(VaultName=kv;SecretName=slack-signing-secret)",
        });

        var result = await host.SlackCommand.Run(ChatRequests.Slack("http https://shop.example.com", Now, secret: "@Microsoft.KeyVault(VaultName=kv;SecretName=slack-signing-secret)"), CancellationToken.None);

        Assert.Equal(503, StatusOf(result));
        Assert.Empty(host.Queued);
    }
}
