using AlertProbe.Core.FollowUp.WriteBack;
using AlertProbe.Core.Messages;
using AlertProbe.Core.Tests.FollowUp.Support;
using Azure;
using Azure.Security.KeyVault.Secrets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Moq;

namespace AlertProbe.Core.Tests.FollowUp.WriteBack;

/// <summary>Write-back credentials from Key Vault, like every other secret: read with the app's identity, cached, redacted.</summary>
public sealed class WriteBackSecretTests
{
    private const string SecretName = "pagerduty-api-token";
    private const string VaultToken = "pd-vault-token-61f0c3d9e2";

    [Fact]
    public async Task A_token_named_by_its_key_vault_secret_is_read_from_the_vault_and_sent_as_the_credential()
    {
        var vault = new Mock<SecretClient>();
        vault.Setup(client => client.GetSecretAsync(SecretName, null, It.IsAny<CancellationToken>()))
            .ReturnsAsync(Response.FromValue(SecretModelFactory.KeyVaultSecret(new SecretProperties(SecretName), VaultToken), Mock.Of<Response>()));
        await using var tool = await WriteBackReceiver.StartAsync();
        var settings = new Dictionary<string, string?>
        {
            // The write-back vault only: KeyVault:Uri would also move the ThousandEyes token to a vault.
            ["WriteBack:KeyVaultUri"] = "https://vault.example.net/",
            ["WriteBack:PagerDuty:ApiUrl"] = tool.BaseAddress.ToString(),
            ["WriteBack:PagerDuty:TokenSecretName"] = SecretName,
            ["WriteBack:PagerDuty:From"] = "oncall@example.com",
        };
        await using var host = await FollowUpHost.StartAsync(settings, services => services.AddSingleton(vault.Object));
        await host.CreateTestAsync("https://vault-token.example.com/", adjust: created => created with { WriteBack = WriteBackTests.TargetsFor(WriteBackKind.PagerDuty).Targets });
        await host.CreateTestAsync("https://vault-token-2.example.com/", alertId: "alert-2", adjust: created => created with { WriteBack = WriteBackTests.TargetsFor(WriteBackKind.PagerDuty).Targets });
        host.Time.Advance(TimeSpan.FromMinutes(1));

        await host.DeliverDueAsync();

        Assert.Equal(
            (2, "Token token=" + VaultToken),
            (tool.Requests.Count, tool.Requests[0].Header("Authorization")));
        // Cached: two notes, one vault read.
        vault.Verify(client => client.GetSecretAsync(SecretName, null, It.IsAny<CancellationToken>()), Times.Once);
        Assert.Equal(AlertProbe.ThousandEyes.Errors.SecretRedactor.Mask, AlertProbe.ThousandEyes.Errors.SecretRedactor.Redact(VaultToken));
    }
}
