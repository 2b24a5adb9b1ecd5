using AlertProbe.Core.Alerts;
using AlertProbe.Core.FollowUp.Delivery;
using AlertProbe.Core.Ingress.Chat;
using AlertProbe.Core.Ingress.Signatures;
using AlertProbe.Core.Messages;
using AlertProbe.Core.Policy;
using Azure.Identity;
using Azure.Messaging.ServiceBus;
using Azure.Security.KeyVault.Secrets;
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
        services.AddOptions<IngressOptions>()
            .Configure(options =>
            {
                configuration.GetSection(IngressOptions.SectionName).Bind(options);
                if (options.KeyVaultUri is null && Uri.TryCreate(configuration["KeyVault:Uri"], UriKind.Absolute, out var vault))
                {
                    options.KeyVaultUri = vault;
                }
            })
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<IngressOptions>, IngressOptionsValidator>());

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
        services.TryAddSingleton(provider => new SigningSecretStore(
            CreateSecretClient(provider.GetRequiredService<IOptions<IngressOptions>>().Value, configuration["KeyVault:ManagedIdentityClientId"]),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<IOptions<IngressOptions>>(),
            provider.GetRequiredService<ILogger<SigningSecretStore>>()));

        services.TryAddSingleton<SlackSignatureVerifier>();
        services.TryAddSingleton<TeamsSignatureVerifier>();
        services.TryAddSingleton<PagerDutySignatureVerifier>();
        services.TryAddSingleton<GrafanaSignatureVerifier>();
        services.TryAddSingleton<AlertWebhookHandler>();
        services.TryAddSingleton<SlackCommandHandler>();
        services.TryAddSingleton<TeamsCommandHandler>();
        return services;
    }

    /// <param name="clientId">The user-assigned identity to read Key Vault with (<c>KeyVault:ManagedIdentityClientId</c>), if any.</param>
    private static SecretClient? CreateSecretClient(IngressOptions options, string? clientId)
    {
        var anyFromKeyVault = new SignedSourceOptions[] { options.Slack, options.Teams, options.PagerDuty, options.Grafana }
            .Any(source => !string.IsNullOrEmpty(source.SigningSecretName));
        return anyFromKeyVault && options.KeyVaultUri is { } vault ? new SecretClient(vault, CreateCredential(clientId)) : null;
    }

    private static DefaultAzureCredential CreateCredential(string? clientId)
        => new(new DefaultAzureCredentialOptions { ManagedIdentityClientId = string.IsNullOrWhiteSpace(clientId) ? null : clientId });
}
