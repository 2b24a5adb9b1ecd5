using AlertProbe.Core.AzureClients;
using AlertProbe.Core.Settings;
using AlertProbe.ThousandEyes;
using AlertProbe.ThousandEyes.Authentication;
using AlertProbe.ThousandEyes.DependencyInjection;
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
    /// Registers the credential source (Key Vault when <c>KeyVault:Uri</c> is set — <see cref="KeyVaultOptions.HoldsThousandEyesCredentials"/>,
    /// the one place that decides it — else configuration, whose settings are then validated at start-up), the app's
    /// Azure clients (<see cref="AzureClientsServiceCollectionExtensions.AddAlertProbeAzureClients"/>: one
    /// <c>SecretClient</c>, one secret cache), then the client (<see cref="ThousandEyesServiceCollectionExtensions.AddThousandEyesClient"/>).
    /// A <c>SecretClient</c> or <see cref="ThousandEyesCredentialSource"/> registered beforehand is kept (tests inject theirs).
    /// </summary>
    public static IServiceCollection AddThousandEyesClientWithKeyVault(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddAlertProbeAzureClients(configuration);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ThousandEyesOptions>, ConfigurationCredentialsUnlessKeyVault>(
            sp => new ConfigurationCredentialsUnlessKeyVault(new ConfigurationCredentialValidator(configuration), sp.GetRequiredService<IOptions<KeyVaultOptions>>())));
        services.TryAddSingleton<ThousandEyesCredentialSource>(sp =>
            sp.GetRequiredService<IOptions<KeyVaultOptions>>().Value.HoldsThousandEyesCredentials
                ? ActivatorUtilities.CreateInstance<KeyVaultCredentialSource>(sp)
                : new ConfigurationCredentialSource(configuration, sp.GetRequiredService<IOptions<ThousandEyesOptions>>()));

        return services.AddThousandEyesClient(configuration);
    }

    /// <summary>Binds <see cref="KeyVaultOptions"/> (section <c>KeyVault</c>), validated at start-up. Safe to call more than once.</summary>
    public static IServiceCollection AddKeyVaultOptions(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddValidatedOptions<KeyVaultOptions, KeyVaultOptionsValidator>(configuration.GetSection(KeyVaultOptions.SectionName));
        services.AddOptionsValidator<KeyVaultOptions, KeyVaultUriValidator>();
        return services;
    }

    /// <summary>The configuration settings are required only when Key Vault is not where the credential comes from.</summary>
    private sealed class ConfigurationCredentialsUnlessKeyVault(ConfigurationCredentialValidator inner, IOptions<KeyVaultOptions> vault)
        : IValidateOptions<ThousandEyesOptions>
    {
        public ValidateOptionsResult Validate(string? name, ThousandEyesOptions options) =>
            vault.Value.HoldsThousandEyesCredentials ? ValidateOptionsResult.Skip : inner.Validate(name, options);
    }
}
