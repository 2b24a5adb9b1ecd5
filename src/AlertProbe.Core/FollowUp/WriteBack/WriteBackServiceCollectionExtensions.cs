using AlertProbe.Core.AzureClients;
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
            .Bind(configuration.GetSection(WriteBackOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<WriteBackOptions>, WriteBackOptionsValidator>());

        // Secret names are read with the app's one SecretClient and secret cache; the vault defaults to KeyVault:Uri.
        services.AddAlertProbeAzureClients(configuration);
        services.TryAddSingleton<WriteBackSecretStore>();

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
}
