using AlertProbe.Core.Ingress;
using AlertProbe.Core.KeyVault;
using Azure;
using Azure.Security.KeyVault.Secrets;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace AlertProbe.Core.Tests.Ingress;

public sealed class SigningSecretStoreTests
{
    private const string SecretName = "pagerduty-webhook-secret";

    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-03-01T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
    private readonly Mock<SecretClient> _keyVault = new();

    private SigningSecretStore Store() => new(
        new KeyVaultSecretCache(_keyVault.Object, _time),
        Options.Create(new IngressOptions { SecretCacheLifetime = TimeSpan.FromMinutes(5) }),
        new FakeLogger<SigningSecretStore>());

    private void KeyVaultReturns(params string[] values)
    {
        var sequence = _keyVault.SetupSequence(c => c.GetSecretAsync(SecretName, null, It.IsAny<CancellationToken>()));
        foreach (var value in values)
        {
            sequence = sequence.ReturnsAsync(Response.FromValue(SecretModelFactory.KeyVaultSecret(new SecretProperties(SecretName), value), Mock.Of<Response>()));
        }
    }

    [Fact]
    public async Task Configured_value_is_used_without_asking_key_vault()
    {
        var lookup = await Store().GetAsync(new PagerDutyIngressOptions { SigningSecret = "inline" }, CancellationToken.None);

        Assert.Equal((SigningSecretStatus.Found, "inline"), (lookup.Status, lookup.Secret));
        _keyVault.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task Source_without_a_secret_is_not_configured()
    {
        var lookup = await Store().GetAsync(new PagerDutyIngressOptions(), CancellationToken.None);

        Assert.Equal(SigningSecretStatus.NotConfigured, lookup.Status);
    }

    [Fact]
    public async Task Key_vault_secret_is_read_once_within_its_lifetime()
    {
        KeyVaultReturns("v1", "v2");
        var store = Store();
        var source = new PagerDutyIngressOptions { SigningSecretName = SecretName };

        await store.GetAsync(source, CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(4));
        var lookup = await store.GetAsync(source, CancellationToken.None);

        Assert.Equal("v1", lookup.Secret);
        _keyVault.Verify(c => c.GetSecretAsync(SecretName, null, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task Rotated_key_vault_secret_is_picked_up_after_the_lifetime()
    {
        KeyVaultReturns("v1", "v2");
        var store = Store();
        var source = new PagerDutyIngressOptions { SigningSecretName = SecretName };

        await store.GetAsync(source, CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));
        var lookup = await store.GetAsync(source, CancellationToken.None);

        Assert.Equal("v2", lookup.Secret);
    }

    [Fact]
    public async Task Key_vault_failure_is_unavailable_not_an_exception()
    {
        _keyVault.Setup(c => c.GetSecretAsync(SecretName, null, It.IsAny<CancellationToken>()))
            .ThrowsAsync(new RequestFailedException(503, "Service unavailable"));

        var lookup = await Store().GetAsync(new PagerDutyIngressOptions { SigningSecretName = SecretName }, CancellationToken.None);

        Assert.Equal(SigningSecretStatus.Unavailable, lookup.Status);
    }

    [Fact]
    public void Lookup_text_never_shows_the_secret()
    {
        Assert.Equal("Found", SigningSecretLookup.Found("hunter2").ToString());
    }

    [Fact]
    public async Task Key_vault_secret_that_does_not_exist_is_missing_not_unavailable_and_is_asked_again_next_time()
    {
        _keyVault.SetupSequence(c => c.GetSecretAsync(SecretName, null, It.IsAny<CancellationToken>()))
            .ThrowsAsync(new RequestFailedException(404, "SecretNotFound"))
            .ReturnsAsync(Response.FromValue(SecretModelFactory.KeyVaultSecret(new SecretProperties(SecretName), "created"), Mock.Of<Response>()));
        var store = Store();
        var source = new PagerDutyIngressOptions { SigningSecretName = SecretName };

        var missing = await store.GetAsync(source, CancellationToken.None);
        var created = await store.GetAsync(source, CancellationToken.None);

        Assert.Equal(SigningSecretStatus.Missing, missing.Status);
        Assert.Equal((SigningSecretStatus.Found, "created"), (created.Status, created.Secret));
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public async Task Empty_key_vault_secret_is_missing(string value)
    {
        KeyVaultReturns(value);

        var lookup = await Store().GetAsync(new PagerDutyIngressOptions { SigningSecretName = SecretName }, CancellationToken.None);

        Assert.Equal((SigningSecretStatus.Missing, null), (lookup.Status, lookup.Secret));
    }

    [Theory]
    [InlineData("@Microsoft.KeyVault(SecretUri=https://kv.vault.azure.net/secrets/pd/)")]
    [InlineData(" ")]
    public async Task Configured_value_that_is_blank_or_an_unresolved_key_vault_reference_is_missing(string value)
    {
        var lookup = await Store().GetAsync(new PagerDutyIngressOptions { SigningSecret = value }, CancellationToken.None);

        Assert.Equal(SigningSecretStatus.Missing, lookup.Status);
    }

    [Fact]
    public async Task Source_that_requires_a_signature_but_has_no_secret_is_missing()
    {
        var lookup = await Store().GetAsync(new PagerDutyIngressOptions { RequireSignature = true }, CancellationToken.None);

        Assert.Equal(SigningSecretStatus.Missing, lookup.Status);
    }
}
