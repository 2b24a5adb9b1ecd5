using AlertProbe.Core.FollowUp.WriteBack;
using AlertProbe.Core.Ingress;
using AlertProbe.Core.KeyVault;
using AlertProbe.Core.Ledger;
using AlertProbe.Core.Messages;
using AlertProbe.Core.Rules;
using Azure.Data.Tables;
using Azure.Messaging.ServiceBus;
using Azure.Security.KeyVault.Secrets;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace AlertProbe.Core.AzureClients;

/// <summary>
/// The one place the app's Azure clients and their credential are registered (<c>Microsoft.Extensions.Azure</c>): the
/// Key Vault <see cref="SecretClient"/> and the <see cref="KeyVaultSecretCache"/> over it, the ledger's
/// <see cref="TableServiceClient"/>, the <see cref="ServiceBusClient"/> and the rules blob's client. Every feature that
/// needs Azure calls this; the clients are built on first use, from the features' validated options.
/// </summary>
public static class AzureClientsServiceCollectionExtensions
{
    /// <summary>Registers the Azure clients and the shared credential (<see cref="AzureCredentials"/>). Safe to call more than once.</summary>
    public static IServiceCollection AddAlertProbeAzureClients(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddKeyVaultOptions(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<AzureCredentials>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPostConfigureOptions<IngressOptions>, FeatureVaultDefaults>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPostConfigureOptions<WriteBackOptions>, FeatureVaultDefaults>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<IngressOptions>, IngressVaultValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<WriteBackOptions>, WriteBackVaultValidator>());
        services.TryAddSingleton(provider => new KeyVaultSecretCache(
            AppVault(provider) is null ? null : provider.GetRequiredService<SecretClient>(),
            provider.GetRequiredService<TimeProvider>()));

        // Microsoft.Extensions.Azure adds each client's registration with AddSingleton, not TryAdd (AzureClientFactoryBuilder
        // in azure-sdk-for-net), so a second AddAzureClients would register every client again: the block runs once.
        if (services.Any(descriptor => descriptor.ServiceType == typeof(AzureClientsRegistered)))
        {
            return services;
        }

        services.AddSingleton<AzureClientsRegistered>();
        services.AddAzureClients(builder =>
        {
            builder.UseCredential(provider => provider.GetRequiredService<AzureCredentials>().Default);
            builder.AddClient<SecretClient, SecretClientOptions>((options, _, provider) => new SecretClient(
                AppVault(provider) ?? throw new InvalidOperationException($"{KeyVaultOptions.SectionName}:Uri is not set."),
                provider.GetRequiredService<AzureCredentials>().For(provider.GetRequiredService<IOptions<KeyVaultOptions>>().Value.ManagedIdentityClientId),
                options));
            builder.AddClient<TableServiceClient, TableClientOptions>((options, _, provider) =>
            {
                var ledger = provider.GetRequiredService<IOptions<LedgerOptions>>().Value;
                return string.IsNullOrWhiteSpace(ledger.ConnectionString)
                    ? new TableServiceClient(ledger.ServiceUri, provider.GetRequiredService<AzureCredentials>().For(ledger.ClientId), options)
                    : new TableServiceClient(ledger.ConnectionString, options);
            });
            AddServiceBusClient(builder, configuration);
            AddRulesBlobClient(builder, configuration);
        });
        return services;
    }

    /// <summary>
    /// The app's one vault: <c>KeyVault:Uri</c>, else the vault a feature names for its own secrets
    /// (<c>Ingress:KeyVaultUri</c>, <c>WriteBack:KeyVaultUri</c>, which default to <c>KeyVault:Uri</c> and must agree with
    /// it: <see cref="IngressVaultValidator"/>, <see cref="WriteBackVaultValidator"/>). Null: no vault, Key Vault is off.
    /// </summary>
    public static Uri? AppVault(IServiceProvider provider)
    {
        ArgumentNullException.ThrowIfNull(provider);
        return provider.GetRequiredService<IOptions<KeyVaultOptions>>().Value.Uri
            ?? provider.GetRequiredService<IOptions<IngressOptions>>().Value.KeyVaultUri
            ?? provider.GetRequiredService<IOptions<WriteBackOptions>>().Value.KeyVaultUri;
    }

    /// <summary>
    /// Managed identity when <c>ServiceBus:fullyQualifiedNamespace</c> is set (<c>ServiceBus:clientId</c> for a
    /// user-assigned identity), else the connection string in <c>ServiceBus</c> or <c>ConnectionStrings:ServiceBus</c>;
    /// none with <c>Messaging:Transport = InMemory</c> (the in-process bus is the client) or when neither is set
    /// (<see cref="MessagingServiceCollectionExtensions.AddAlertProbeMessaging"/> refuses that).
    /// </summary>
    private static void AddServiceBusClient(AzureClientFactoryBuilder builder, IConfiguration configuration)
    {
        var transport = configuration.GetSection(MessagingOptions.SectionName).GetValue(nameof(MessagingOptions.Transport), MessagingTransport.ServiceBus);
        var connection = configuration.GetSection(MessagingServiceCollectionExtensions.ConnectionSectionName);
        var fullyQualifiedNamespace = connection["fullyQualifiedNamespace"];
        var connectionString = connection.Value ?? configuration.GetConnectionString(MessagingServiceCollectionExtensions.ConnectionSectionName);
        if (transport == MessagingTransport.InMemory)
        {
            return;
        }

        if (!string.IsNullOrWhiteSpace(fullyQualifiedNamespace))
        {
            var clientId = connection["clientId"];
            builder.AddServiceBusClientWithNamespace(fullyQualifiedNamespace)
                .WithCredential(provider => provider.GetRequiredService<AzureCredentials>().For(clientId));
        }
        else if (!string.IsNullOrWhiteSpace(connectionString))
        {
            builder.AddServiceBusClient(connectionString);
        }
    }

    private static void AddRulesBlobClient(AzureClientFactoryBuilder builder, IConfiguration configuration)
    {
        var blob = configuration.GetSection($"{RulesOptions.SectionName}:{nameof(RulesOptions.Blob)}").Get<RulesBlobOptions>() ?? new RulesBlobOptions();
        if (blob.ServiceUri is not null)
        {
            builder.AddBlobServiceClient(blob.ServiceUri)
                .WithName(RulesServiceCollectionExtensions.BlobClientName)
                .WithCredential(provider => provider.GetRequiredService<AzureCredentials>().For(blob.ClientId));
        }
        else if (!string.IsNullOrWhiteSpace(blob.ConnectionString))
        {
            builder.AddBlobServiceClient(blob.ConnectionString).WithName(RulesServiceCollectionExtensions.BlobClientName);
        }
    }

    /// <summary>Marks the clients registered, so a second call adds none.</summary>
    private sealed class AzureClientsRegistered;
}
