using AlertProbe.Core.KeyVault;
using AlertProbe.ThousandEyes;
using AlertProbe.ThousandEyes.Authentication;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace AlertProbe.Core.Tests.KeyVault;

/// <summary>The hosts' registration picks the credential source from <c>KeyVault:Uri</c> and validates the settings it needs.</summary>
public sealed class KeyVaultRegistrationTests
{
    private static readonly Uri Api = new("https://api.thousandeyes.com/");

    [Fact]
    public async Task A_key_vault_uri_selects_the_key_vault_credential_source()
    {
        var secrets = SecretClientMock.Returning("thousandeyes-bearer-token", "t");
        await using var host = KeyVaultClientHost.Create(
            Api,
            new FakeTimeProvider(),
            new Dictionary<string, string?> { ["KeyVault:Uri"] = "https://vault.example/", ["ThousandEyes:BearerToken"] = null },
            services => services.AddSingleton(secrets.Object));

        var credential = await host.Provider.GetRequiredService<ThousandEyesCredentialSource>().GetCredentialAsync(false, CancellationToken.None);

        // The token came from the (Moq'd) vault: no ThousandEyes:BearerToken is set.
        Assert.True(credential.HasSameSecretAs(ThousandEyesCredential.Bearer("t")));
    }

    [Fact]
    public async Task A_plain_http_key_vault_uri_fails_validation()
    {
        await using var host = KeyVaultClientHost.Create(Api, new FakeTimeProvider(), new Dictionary<string, string?> { ["KeyVault:Uri"] = "http://vault.example/" });

        var error = Assert.Throws<OptionsValidationException>(() => host.Provider.GetRequiredService<IOptions<KeyVaultOptions>>().Value);

        Assert.Contains("KeyVault:Uri must be an absolute https URL", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_key_vault_the_hosts_require_a_bearer_token_setting()
    {
        await using var host = KeyVaultClientHost.Create(Api, new FakeTimeProvider(), new Dictionary<string, string?>());

        var error = Assert.Throws<OptionsValidationException>(() => host.Provider.GetRequiredService<IOptions<ThousandEyesOptions>>().Value);

        Assert.Contains("ThousandEyes:BearerToken is required when KeyVault:Uri is not set", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_key_vault_no_credential_setting_is_required()
    {
        await using var host = KeyVaultClientHost.Create(Api, new FakeTimeProvider(), new Dictionary<string, string?> { ["KeyVault:Uri"] = "https://vault.example/" });

        Assert.Equal(Api, host.Provider.GetRequiredService<IOptions<ThousandEyesOptions>>().Value.BaseUrl);
    }

    [Fact]
    public async Task Without_key_vault_the_configuration_source_serves_the_bearer_token()
    {
        await using var host = KeyVaultClientHost.Create(Api, new FakeTimeProvider(), new Dictionary<string, string?> { ["ThousandEyes:BearerToken"] = "config-token" });

        var credential = await host.Provider.GetRequiredService<ThousandEyesCredentialSource>().GetCredentialAsync(false, CancellationToken.None);

        Assert.True(credential.HasSameSecretAs(ThousandEyesCredential.Bearer("config-token")));
    }
}
