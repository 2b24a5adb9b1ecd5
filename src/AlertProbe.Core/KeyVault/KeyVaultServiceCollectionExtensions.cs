using AlertProbe.ThousandEyes;
using AlertProbe.ThousandEyes.Authentication;
using AlertProbe.ThousandEyes.DependencyInjection;
using Azure.Core;
using Azure.Identity;
using Azure.Security.KeyVault.Secrets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace AlertProbe.Core.KeyVault;

/// <summary>
/// The hosts' side of the ThousandEyes credential: the client library takes a <see cref="ThousandEyesCredentialSource"/>
/// and knows nothing of Azure; the Functions app and the CLI choose Key Vault or configuration here.
/// </summary>
public static class KeyVaultServiceCollectionExtensions
{
    /// <summary>
    /// Binds and validates (at start-up) <see cref="KeyVaultOptions"/>, registers the credential source (Key Vault
    /// when <c>KeyVault:Uri</c> is set, else configuration, whose settings are then validated at start-up), then the
    /// client (<see cref="ThousandEyesServiceCollectionExtensions.AddThousandEyesClient"/>). A
    /// <see cref="SecretClient"/> or <see cref="ThousandEyesCredentialSource"/> registered beforehand is kept (tests
    /// inject theirs).
    /// </summary>
    public static IServiceCollection AddThousandEyesClientWithKeyVault(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        if (services.Any(descriptor => descriptor.ServiceType == typeof(KeyVaultCredentialsRegistered)))
        {
            // Already registered (intake and follow-up both call this).
            return services;
        }

        services.AddSingleton<KeyVaultCredentialsRegistered>();
        services.AddOptions<KeyVaultOptions>()
            .Bind(configuration.GetSection(KeyVaultOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<KeyVaultOptions>, KeyVaultOptionsValidator>());
        services.AddSingleton<IValidateOptions<ThousandEyesOptions>>(
            sp => new ConfigurationCredentialsUnlessKeyVault(new ConfigurationCredentialValidator(configuration), sp.GetRequiredService<IOptions<KeyVaultOptions>>()));

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp =>
        {
            var vault = sp.GetRequiredService<IOptions<KeyVaultOptions>>().Value;
            var uri = vault.Uri ?? throw new InvalidOperationException($"{KeyVaultOptions.SectionName}:Uri is not set.");
            TokenCredential credential = string.IsNullOrWhiteSpace(vault.ManagedIdentityClientId)
                ? new DefaultAzureCredential()
                : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(vault.ManagedIdentityClientId));
            return new SecretClient(uri, credential);
        });
        services.TryAddSingleton<ThousandEyesCredentialSource>(sp =>
            sp.GetRequiredService<IOptions<KeyVaultOptions>>().Value.Uri is null
                ? new ConfigurationCredentialSource(configuration, sp.GetRequiredService<IOptions<ThousandEyesOptions>>())
                : ActivatorUtilities.CreateInstance<KeyVaultCredentialSource>(sp));

        return services.AddThousandEyesClient(configuration);
    }

    /// <summary>Marks the registration done, so a second call adds nothing.</summary>
    private sealed class KeyVaultCredentialsRegistered;

    /// <summary>The configuration settings are required only when Key Vault is not where the credential comes from.</summary>
    private sealed class ConfigurationCredentialsUnlessKeyVault(ConfigurationCredentialValidator inner, IOptions<KeyVaultOptions> vault)
        : IValidateOptions<ThousandEyesOptions>
    {
        public ValidateOptionsResult Validate(string? name, ThousandEyesOptions options) =>
            vault.Value.Uri is null ? inner.Validate(name, options) : ValidateOptionsResult.Skip;
    }
}
