using AlertProbe.Core.KeyVault;
using AlertProbe.ThousandEyes;
using AlertProbe.ThousandEyes.Authentication;
using Azure;
using Azure.Security.KeyVault.Secrets;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace AlertProbe.Core.Tests.KeyVault;

public sealed class KeyVaultCredentialSourceTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 1, 15, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Key_vault_secret_is_reused_within_its_cache_lifetime()
    {
        var secrets = SecretClientMock.Returning("thousandeyes-bearer-token", "first", "second");
        var source = KeyVaultSource(secrets.Object);

        await source.GetCredentialAsync(forceRefresh: false, CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(4));
        var again = await source.GetCredentialAsync(forceRefresh: false, CancellationToken.None);

        Assert.True(again.HasSameSecretAs(ThousandEyesCredential.Bearer("first")));
    }

    [Fact]
    public async Task Key_vault_secret_is_read_again_after_its_cache_lifetime()
    {
        var secrets = SecretClientMock.Returning("thousandeyes-bearer-token", "first", "second");
        var source = KeyVaultSource(secrets.Object);

        await source.GetCredentialAsync(forceRefresh: false, CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(5));
        var again = await source.GetCredentialAsync(forceRefresh: false, CancellationToken.None);

        Assert.True(again.HasSameSecretAs(ThousandEyesCredential.Bearer("second")));
    }

    [Fact]
    public async Task A_forced_refresh_bypasses_the_cache()
    {
        var secrets = SecretClientMock.Returning("thousandeyes-bearer-token", "first", "second");
        var source = KeyVaultSource(secrets.Object);

        await source.GetCredentialAsync(forceRefresh: false, CancellationToken.None);
        var refreshed = await source.GetCredentialAsync(forceRefresh: true, CancellationToken.None);

        Assert.True(refreshed.HasSameSecretAs(ThousandEyesCredential.Bearer("second")));
    }

    [Fact]
    public async Task Basic_auth_reads_the_email_and_token_secrets()
    {
        var secrets = new Mock<SecretClient>();
        foreach (var (name, value) in new[] { ("thousandeyes-email", "ops@example.com"), ("thousandeyes-basic-token", "basic-1") })
        {
            secrets.Setup(c => c.GetSecretAsync(name, null, It.IsAny<CancellationToken>()))
                .ReturnsAsync(Response.FromValue(SecretModelFactory.KeyVaultSecret(SecretModelFactory.SecretProperties(name: name), value), Mock.Of<Response>()));
        }

        var credential = await KeyVaultSource(secrets.Object, ThousandEyesAuthScheme.Basic).GetCredentialAsync(false, CancellationToken.None);

        Assert.True(credential.HasSameSecretAs(ThousandEyesCredential.Basic("ops@example.com", "basic-1")));
    }

    [Fact]
    public async Task A_missing_secret_names_the_secret_and_is_not_transient()
    {
        var secrets = new Mock<SecretClient>();
        secrets.Setup(c => c.GetSecretAsync("thousandeyes-bearer-token", null, It.IsAny<CancellationToken>()))
            .ThrowsAsync(new RequestFailedException(404, "SecretNotFound"));

        var error = await Assert.ThrowsAsync<ThousandEyesCredentialException>(() => KeyVaultSource(secrets.Object).GetCredentialAsync(false, CancellationToken.None).AsTask());

        Assert.Equal(("Key Vault secret 'thousandeyes-bearer-token' was not found", false), (error.Message, error.IsTransient));
    }

    [Fact]
    public async Task Key_vault_throttling_is_transient()
    {
        var secrets = new Mock<SecretClient>();
        secrets.Setup(c => c.GetSecretAsync("thousandeyes-bearer-token", null, It.IsAny<CancellationToken>()))
            .ThrowsAsync(new RequestFailedException(429, "Throttled"));

        var error = await Assert.ThrowsAsync<ThousandEyesCredentialException>(() => KeyVaultSource(secrets.Object).GetCredentialAsync(false, CancellationToken.None).AsTask());

        Assert.True(error.IsTransient);
    }

    private KeyVaultCredentialSource KeyVaultSource(SecretClient secrets, ThousandEyesAuthScheme scheme = ThousandEyesAuthScheme.Bearer) =>
        new(
            new KeyVaultSecretCache(secrets, _time),
            Options.Create(new KeyVaultOptions { Uri = new Uri("https://vault.example/"), SecretCacheLifetime = TimeSpan.FromMinutes(5) }),
            Options.Create(new ThousandEyesOptions { AuthScheme = scheme, ApiVersion = ThousandEyesApiVersion.V6 }),
            new FakeLogger<KeyVaultCredentialSource>());
}
