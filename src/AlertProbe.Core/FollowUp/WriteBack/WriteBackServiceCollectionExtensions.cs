using Azure.Identity;
using Azure.Security.KeyVault.Secrets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AlertProbe.Core.FollowUp.WriteBack;

public static class WriteBackServiceCollectionExtensions
{
    /// <summary>The name of the write-back HTTP client.</summary>
    public const string HttpClientName = nameof(WriteBackDispatcher);

    /// <summary>
    /// Registers write-back (<see cref="WriteBackDelivery"/>) with <see cref="WriteBackOptions"/> (section <c>WriteBack</c>,
    /// validated at start-up; <c>KeyVault:Uri</c> for secret names) and its HTTP client. Called by
    /// <see cref="FollowUpServiceCollectionExtensions.AddAlertProbeFollowUp"/>; the reply policy and its connector come from there.
    /// </summary>
    public static IServiceCollection AddWriteBack(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        if (services.Any(descriptor => descriptor.ServiceType == typeof(WriteBackDelivery)))
        {
            return services;
        }

        services.AddOptions<WriteBackOptions>()
            .Configure(options =>
            {
                configuration.GetSection(WriteBackOptions.SectionName).Bind(options);
                if (options.KeyVaultUri is null && Uri.TryCreate(configuration["KeyVault:Uri"], UriKind.Absolute, out var vault))
                {
                    options.KeyVaultUri = vault;
                }
            })
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<WriteBackOptions>, WriteBackOptionsValidator>());

        services.TryAddSingleton(provider => new WriteBackSecretStore(
            CreateSecretClient(provider.GetRequiredService<IOptions<WriteBackOptions>>().Value, configuration["KeyVault:ManagedIdentityClientId"]),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<IOptions<WriteBackOptions>>(),
            provider.GetRequiredService<ILogger<WriteBackSecretStore>>()));

        services.AddHttpClient(HttpClientName, http => http.Timeout = Timeout.InfiniteTimeSpan)
            .AddTypedClient<WriteBackDispatcher>()
            // The factory's request logging writes full URLs; the dispatcher logs kind and host.
            .RemoveAllLoggers()
            .ConfigurePrimaryHttpMessageHandler(provider => new SocketsHttpHandler
            {
                ConnectCallback = provider.GetRequiredService<Delivery.ReplyPolicyConnector>().ConnectAsync,
                UseProxy = false,
                // A redirect would carry the request (and, for some handlers, the credential) to a host nobody configured.
                AllowAutoRedirect = false,
                PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            })
            .AddResilienceHandler("write-back", FollowUpServiceCollectionExtensions.ConfigureReplyPipeline);
        services.TryAddTransient<WriteBackDelivery>();
        return services;
    }

    private static SecretClient? CreateSecretClient(WriteBackOptions options, string? clientId)
    {
        var anyFromKeyVault = new[]
        {
            options.PagerDuty.TokenSecretName, options.ServiceNow.PasswordSecretName, options.ServiceNow.TokenSecretName,
            options.Grafana.TokenSecretName, options.Jira.TokenSecretName,
        }.Any(name => !string.IsNullOrEmpty(name));
        return anyFromKeyVault && options.KeyVaultUri is { } vault
            ? new SecretClient(vault, new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = string.IsNullOrWhiteSpace(clientId) ? null : clientId }))
            : null;
    }
}
