using AlertProbe.Core.AzureClients;
using AlertProbe.Core.Settings;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace AlertProbe.Core.Messages;

public static class MessagingServiceCollectionExtensions
{
    /// <summary>The connection setting, named like the Functions triggers' <c>Connection = "ServiceBus"</c>.</summary>
    public const string ConnectionSectionName = "ServiceBus";

    /// <summary>
    /// Registers <see cref="InstantTestPublisher"/> and <see cref="AlertQueueScheduler"/> over a
    /// <see cref="ServiceBusClient"/>: with managed identity when <c>ServiceBus:fullyQualifiedNamespace</c> is set
    /// (optionally <c>ServiceBus:clientId</c> for a user-assigned identity), else with the connection string in
    /// <c>ServiceBus</c> or <c>ConnectionStrings:ServiceBus</c>. <c>Messaging:Transport = InMemory</c> uses an
    /// <see cref="InMemoryMessageBus"/> instead (CLI in-process run).
    /// </summary>
    public static IServiceCollection AddAlertProbeMessaging(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(MessagingOptions.SectionName);
        services.AddValidatedOptions<MessagingOptions, MessagingOptionsValidator>(section);
        services.AddOptionsValidator<MessagingOptions, MessagingEntitiesValidator>();

        var transport = section.GetValue(nameof(MessagingOptions.Transport), MessagingTransport.ServiceBus);
        if (transport == MessagingTransport.InMemory)
        {
            services.TryAddSingleton(provider => new InMemoryMessageBus(provider.GetService<TimeProvider>() ?? TimeProvider.System));
            services.TryAddSingleton(provider => provider.GetRequiredService<InMemoryMessageBus>().Client);
        }
        else
        {
            RequireServiceBusSettings(configuration);
            services.AddAlertProbeAzureClients(configuration);
        }

        services.TryAddSingleton<InstantTestPublisher>();
        services.TryAddSingleton<AlertQueueScheduler>();
        return services;
    }

    /// <summary>Refuses a host with no way to reach Service Bus; the client itself is registered with the app's other Azure clients.</summary>
    private static void RequireServiceBusSettings(IConfiguration configuration)
    {
        var connection = configuration.GetSection(ConnectionSectionName);
        if (string.IsNullOrWhiteSpace(connection["fullyQualifiedNamespace"])
            && string.IsNullOrWhiteSpace(connection.Value ?? configuration.GetConnectionString(ConnectionSectionName)))
        {
            throw new InvalidOperationException(
                "Service Bus is not configured: set ServiceBus__fullyQualifiedNamespace (managed identity) or a ServiceBus " +
                "connection string, or Messaging__Transport=InMemory for an in-process run.");
        }
    }
}
