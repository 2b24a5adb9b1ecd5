using AlertProbe.Core.Intake;
using AlertProbe.Core.KeyVault;
using AlertProbe.Core.Messages;
using AlertProbe.Core.Outcomes;
using AlertProbe.Core.Tests.Intake.Support;
using AlertProbe.Testing.Azurite;
using AlertProbe.ThousandEyes;
using AlertProbe.ThousandEyes.Authentication;
using Azure;
using Azure.Security.KeyVault.Secrets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Moq;

namespace AlertProbe.Core.Tests.Intake;

/// <summary>
/// Key Vault unavailable when the intake needs the ThousandEyes credential (issue 15): the message waits for it instead
/// of burning its deliveries, alerts for the same target ride on its claim meanwhile, and once the vault answers the
/// test is created once. The vault's failure is what the real SecretClient throws when nothing answers (an
/// AggregateException of its four tries, status 0 each; see UnreachableAzureServiceTests); SecretClient is mocked, as
/// nothing local stands in for Key Vault.
/// </summary>
[Collection(IntakeAzurite.Name)]
public sealed class IntakeKeyVaultOutageTests(AzuriteFixture azurite)
{
    private static readonly BinaryData ShopDown = AlertPayloads.Alertmanager(new BlackboxAlert("https://shop.example.com/", "fp-shop-1"));
    private static readonly BinaryData ShopDownAgain = AlertPayloads.Alertmanager(new BlackboxAlert("https://shop.example.com/", "fp-shop-2"));

    [Fact]
    public async Task A_message_meeting_an_unreachable_key_vault_waits_for_it_and_its_test_is_created_once_with_the_alerts_that_rode_on_it()
    {
        var vault = new Mock<SecretClient>();
        var reads = 0;
        await using var host = await IntakeHost.StartAsync(azurite, options => options.Services = services =>
            services.AddSingleton<ThousandEyesCredentialSource>(provider => new KeyVaultCredentialSource(
                new KeyVaultSecretCache(vault.Object, provider.GetRequiredService<TimeProvider>()),
                Options.Create(new KeyVaultOptions { Uri = new Uri("https://alertprobe.vault.azure.net/") }),
                provider.GetRequiredService<IOptions<ThousandEyesOptions>>(),
                provider.GetRequiredService<ILogger<KeyVaultCredentialSource>>())));
        vault.Setup(v => v.GetSecretAsync("thousandeyes-bearer-token", null, It.IsAny<CancellationToken>()))
            .Returns(() => ++reads <= 2
                ? throw new AggregateException(Enumerable.Range(0, 4).Select(_ => new RequestFailedException("Connection refused (alertprobe.vault.azure.net:443)")))
                : Task.FromResult(Response.FromValue(SecretModelFactory.KeyVaultSecret(new SecretProperties("thousandeyes-bearer-token"), host.Simulator.Options.BearerToken), Mock.Of<Response>())));

        var first = Assert.IsType<IntakeOutcome.Rescheduled>(await host.HandleAsync(AlertPayloads.Message(ShopDown, "msg-shop-1", enqueuedTime: host.Time.GetUtcNow())));
        var rider = await host.HandleAsync(AlertPayloads.Message(ShopDownAgain, "msg-shop-2", enqueuedTime: host.Time.GetUtcNow()));
        var waits = new List<IntakeOutcome.Rescheduled> { first };
        IntakeOutcome outcome = first;
        while (outcome is IntakeOutcome.Rescheduled wait && waits.Count < 5)
        {
            host.Time.SetUtcNow(wait.At);
            Assert.True(host.Bus.TryTakeDue(IntakeHost.AlertsQueue, out var copy), "the copy is due");
            outcome = await host.HandleAsync(copy!.ToReceivedMessage());
            if (outcome is IntakeOutcome.Rescheduled again)
            {
                waits.Add(again);
            }
        }

        // Before: each delivery was abandoned (the credential failure was an unexpected error, or a plain failure), so the
        // message came back at once and was dead-lettered after ten deliveries inside the outage.
        Assert.Equal(2, waits.Count);
        Assert.All(waits, wait => Assert.Contains("the ThousandEyes credential could not be read for now (Key Vault did not answer", wait.Reason, StringComparison.Ordinal));
        Assert.Equal(InstantTestCreator.CredentialRetryAfter, waits[1].At - waits[0].At);
        Assert.IsType<IntakeOutcome.Completed>(rider);
        Assert.IsType<IntakeOutcome.Completed>(outcome);
        var created = Assert.Single(host.State.CreatedTests);
        var published = MessageEnvelope.ReadInstantTestCreated(Assert.Single(host.Published).Message.Body).Message!;
        Assert.Equal(created.TestId, published.TestId);
        Assert.Equal(["fp-shop-2"], published.CoalescedAlerts.Select(a => a.AlertId));
        Assert.Equal(3, reads);
    }
}
