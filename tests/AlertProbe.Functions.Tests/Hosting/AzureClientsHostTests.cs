using AlertProbe.Core.AzureClients;
using AlertProbe.Core.FollowUp.WriteBack;
using AlertProbe.Core.Ingress;
using AlertProbe.Core.KeyVault;
using AlertProbe.Functions.Hosting;
using AlertProbe.ThousandEyes;
using AlertProbe.ThousandEyes.Authentication;
using Azure;
using Azure.Core;
using Azure.Security.KeyVault.Secrets;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Moq;

namespace AlertProbe.Functions.Tests.Hosting;

/// <summary>
/// The app's registrations hold one Key Vault client and one secret cache, shared by the ThousandEyes credential source,
/// the ingress signing secrets and the write-back tokens; Key Vault is off when no vault is set. Key Vault has no local
/// emulator, so the SecretClient and the credential are the only substitutes (Moq).
/// </summary>
public sealed class AzureClientsHostTests
{
    private const string Vault = "https://alertprobe-kv.vault.azure.net/";
    private const string SharedSecret = "shared-secret";

    [Fact]
    public async Task The_app_registers_one_secret_client_for_its_vault_and_resolves_it_as_one_instance()
    {
        var services = AppServices(new() { ["KeyVault:Uri"] = Vault });
        services.AddSingleton(new AzureCredentials(_ => Mock.Of<TokenCredential>()));
        services.AddAlertProbeFunctions(Configuration(new() { ["KeyVault:Uri"] = Vault }));
        await using var provider = services.BuildServiceProvider();

        var client = provider.GetRequiredService<SecretClient>();

        Assert.Equal(1, services.Count(descriptor => descriptor.ServiceType == typeof(SecretClient)));
        Assert.Equal(new Uri(Vault), client.VaultUri);
        Assert.Same(client, provider.GetRequiredService<IAzureClientFactory<SecretClient>>().CreateClient("Default"));
    }

    [Fact]
    public async Task A_secret_read_by_one_consumer_is_served_to_the_others_and_a_forced_refresh_is_seen_by_all()
    {
        var vault = new Mock<SecretClient>();
        vault.SetupSequence(client => client.GetSecretAsync(SharedSecret, null, It.IsAny<CancellationToken>()))
            .ReturnsAsync(Secret("v1"))
            .ReturnsAsync(Secret("v2"));
        var settings = new Dictionary<string, string?> { ["KeyVault:Uri"] = Vault, ["KeyVault:BearerTokenSecretName"] = SharedSecret };
        var services = AppServices(settings);
        services.AddSingleton(vault.Object);
        services.AddAlertProbeFunctions(Configuration(settings));
        await using var provider = services.BuildServiceProvider();
        var signing = provider.GetRequiredService<SigningSecretStore>();
        var writeBack = provider.GetRequiredService<WriteBackSecretStore>();
        var thousandEyes = provider.GetRequiredService<ThousandEyesCredentialSource>();

        var first = await signing.GetAsync(new PagerDutyIngressOptions { SigningSecretName = SharedSecret }, CancellationToken.None);
        var token = await writeBack.GetAsync("WriteBack:PagerDuty:Token", value: null, SharedSecret, CancellationToken.None);
        var credential = await thousandEyes.GetCredentialAsync(forceRefresh: false, CancellationToken.None);
        vault.Verify(client => client.GetSecretAsync(SharedSecret, null, It.IsAny<CancellationToken>()), Times.Once);

        await thousandEyes.GetCredentialAsync(forceRefresh: true, CancellationToken.None);
        var afterRefresh = await signing.GetAsync(new PagerDutyIngressOptions { SigningSecretName = SharedSecret }, CancellationToken.None);

        Assert.Equal(("v1", "v1", "v2"), (first.Secret, token.Value, afterRefresh.Secret));
        Assert.True(credential.HasSameSecretAs(ThousandEyesCredential.Bearer("v1")));
        vault.Verify(client => client.GetSecretAsync(SharedSecret, null, It.IsAny<CancellationToken>()), Times.Exactly(2));
    }

    [Fact]
    public async Task Without_a_vault_key_vault_is_off_and_the_credential_comes_from_configuration()
    {
        var settings = new Dictionary<string, string?>();
        var services = AppServices(settings);
        services.AddAlertProbeFunctions(Configuration(settings));
        await using var provider = services.BuildServiceProvider();

        Assert.False(provider.GetRequiredService<KeyVaultSecretCache>().IsConfigured);
        Assert.IsType<ConfigurationCredentialSource>(provider.GetRequiredService<ThousandEyesCredentialSource>());
        var error = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<SecretClient>());
        Assert.Contains("KeyVault:Uri is not set", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_vault_for_the_signing_secrets_only_leaves_the_thousandeyes_credential_in_configuration()
    {
        var settings = new Dictionary<string, string?> { ["Ingress:KeyVaultUri"] = Vault, ["Ingress:PagerDuty:SigningSecretName"] = SharedSecret };
        var services = AppServices(settings);
        services.AddSingleton(new AzureCredentials(_ => Mock.Of<TokenCredential>()));
        services.AddAlertProbeFunctions(Configuration(settings));
        await using var provider = services.BuildServiceProvider();

        Assert.True(provider.GetRequiredService<KeyVaultSecretCache>().IsConfigured);
        Assert.Equal(new Uri(Vault), provider.GetRequiredService<SecretClient>().VaultUri);
        Assert.IsType<ConfigurationCredentialSource>(provider.GetRequiredService<ThousandEyesCredentialSource>());
    }

    [Fact]
    public async Task The_signing_secrets_vault_defaults_to_the_shared_vault_setting()
    {
        var settings = new Dictionary<string, string?> { ["KeyVault:Uri"] = Vault };
        var services = AppServices(settings);
        services.AddAlertProbeFunctions(Configuration(settings));
        await using var provider = services.BuildServiceProvider();

        Assert.Equal(
            (new Uri(Vault), new Uri(Vault)),
            (provider.GetRequiredService<IOptions<IngressOptions>>().Value.KeyVaultUri, provider.GetRequiredService<IOptions<WriteBackOptions>>().Value.KeyVaultUri));
    }

    [Theory]
    [InlineData("Ingress:KeyVaultUri", "Ingress:KeyVaultUri (https://other-kv.vault.azure.net/) names another vault than KeyVault:Uri")]
    [InlineData("WriteBack:KeyVaultUri", "WriteBack:KeyVaultUri (https://other-kv.vault.azure.net/) names another vault than KeyVault:Uri")]
    public async Task A_second_vault_fails_at_start_up_naming_both_settings(string key, string expected)
    {
        var settings = new Dictionary<string, string?> { ["KeyVault:Uri"] = Vault, [key] = "https://other-kv.vault.azure.net/" };
        var services = AppServices(settings);
        services.AddAlertProbeFunctions(Configuration(settings));
        await using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    private static ServiceCollection AppServices(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddLogging().AddSingleton<IConfiguration>(Configuration(settings));
        return services;
    }

    private static IConfiguration Configuration(Dictionary<string, string?> settings)
    {
        var values = new Dictionary<string, string?>
        {
            ["ThousandEyes:BaseUrl"] = "http://127.0.0.1:5080/",
            ["ThousandEyes:BearerToken"] = "host-test-token",
            ["ServiceBus:fullyQualifiedNamespace"] = "sb-alertprobe-test.servicebus.windows.net",
            ["Ledger:ConnectionString"] = "UseDevelopmentStorage=true",
        };
        foreach (var (key, value) in settings)
        {
            values[key] = value;
        }

        return new ConfigurationBuilder().AddInMemoryCollection(values).Build();
    }

    private static Response<KeyVaultSecret> Secret(string value) =>
        Response.FromValue(SecretModelFactory.KeyVaultSecret(new SecretProperties(SharedSecret), value), Mock.Of<Response>());
}
