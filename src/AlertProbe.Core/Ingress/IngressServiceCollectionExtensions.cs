using AlertProbe.Core.Alerts;
using AlertProbe.Core.AzureClients;
using AlertProbe.Core.FollowUp.Delivery;
using AlertProbe.Core.Ingress.Chat;
using AlertProbe.Core.Ingress.Signatures;
using AlertProbe.Core.Messages;
using AlertProbe.Core.Policy;
using AlertProbe.Core.Settings;
using Azure.Messaging.ServiceBus;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AlertProbe.Core.Ingress;

public static class IngressServiceCollectionExtensions
{
    /// <summary>
    /// Registers the alert webhook and chat command handlers, their signature verifiers, the signing secret store and
    /// the <see cref="AlertQueueSender"/>, with <see cref="IngressOptions"/> bound from <see cref="IngressOptions.SectionName"/>
    /// and validated at start-up. The Service Bus client and the queue name (<see cref="MessagingOptions.AlertsQueueName"/>)
    /// come from <see cref="MessagingServiceCollectionExtensions.AddAlertProbeMessaging"/>, which this calls.
    /// </summary>
    public static IServiceCollection AddAlertProbeIngress(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddValidatedOptions<IngressOptions, IngressAnnotationsValidator>(configuration.GetSection(IngressOptions.SectionName));
        services.AddOptionsValidator<IngressOptions, IngressOptionsValidator>();
        // The signing secrets' vault defaults to KeyVault:Uri and is read with the app's one SecretClient and secret cache.
        services.AddAlertProbeAzureClients(configuration);

        services.AddAlertProbeMessaging(configuration);
        // The webhook handler detects formats with the intake's own parser, so signatures follow the content.
        services.AddAlertParsing(configuration);
        // The chat entries and the webhook refuse what the intake's address policies would, before queueing.
        services.AddTargetPolicy(configuration).AddReplyPolicy(configuration);
        services.TryAddSingleton<ManualRequestPolicy>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(provider => new AlertQueueSender(
            provider.GetRequiredService<ServiceBusClient>().CreateSender(provider.GetRequiredService<IOptions<MessagingOptions>>().Value.AlertsQueueName),
            provider.GetRequiredService<ILogger<AlertQueueSender>>()));
        services.TryAddSingleton<SigningSecretStore>();

        services.TryAddSingleton<SlackSignatureVerifier>();
        services.TryAddSingleton<TeamsSignatureVerifier>();
        services.TryAddSingleton<PagerDutySignatureVerifier>();
        services.TryAddSingleton<GrafanaSignatureVerifier>();
        services.TryAddSingleton<AlertWebhookHandler>();
        services.TryAddSingleton<SlackCommandHandler>();
        services.TryAddSingleton<TeamsCommandHandler>();
        return services;
    }
}
