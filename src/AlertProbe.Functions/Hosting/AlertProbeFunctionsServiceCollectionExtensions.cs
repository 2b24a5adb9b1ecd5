using AlertProbe.Core.Alerts;
using AlertProbe.Core.FollowUp;
using AlertProbe.Core.Ingress;
using AlertProbe.Core.Intake;
using AlertProbe.Core.Messages;
using AlertProbe.Core.Policy;
using AlertProbe.Core.RateLimiting;
using AlertProbe.Core.Redaction;
using AlertProbe.Functions.Health;
using AlertProbe.Functions.Messaging;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AlertProbe.Functions.Hosting;

public static class AlertProbeFunctionsServiceCollectionExtensions
{
    /// <summary>
    /// Everything the Functions app registers, in one place: each feature's own registration extension (the CLI
    /// host calls the same ones) and the health checks, with one options check per feature. A new feature is added
    /// here, once.
    /// </summary>
    public static IServiceCollection AddAlertProbeFunctions(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);

        // Intake brings parsing, rules, target policy, ledger, rate budget, messaging and the ThousandEyes client.
        services.AddAlertIntake(configuration);
        services.AddAlertProbeFollowUp(configuration);
        services.AddAlertProbeIngress(configuration);
        services.TryAddSingleton<MessageSettler>();

        // Every text given to a logger passes the one redactor before Application Insights or any other provider sees it.
        services.AddSecretRedactingLogging();

        services.AddAlertProbeHealthChecks(configuration)
            .AddOptionsCheck<AzureMonitorParserOptions>("alertParsing", AzureMonitorParserOptions.SectionName)
            .AddOptionsCheck<TargetPolicyOptions>("targetPolicy", TargetPolicyOptions.SectionName)
            .AddOptionsCheck<RateBudgetOptions>("rateBudget", RateBudgetOptions.SectionName)
            .AddOptionsCheck<MessagingOptions>("messaging", MessagingOptions.SectionName)
            .AddOptionsCheck<IntakeOptions>("intake", IntakeOptions.SectionName)
            .AddOptionsCheck<FollowUpOptions>("followUp", FollowUpOptions.SectionName)
            .AddOptionsCheck<IngressOptions>("ingress", IngressOptions.SectionName);

        return services;
    }
}
