using AlertProbe.Core.FollowUp.Delivery;
using AlertProbe.Core.Alerts;
using AlertProbe.Core.Ledger;
using AlertProbe.Core.Messages;
using AlertProbe.Core.Policy;
using AlertProbe.Core.RateLimiting;
using AlertProbe.Core.Rules;
using AlertProbe.Core.KeyVault;
using AlertProbe.Core.Settings;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AlertProbe.Core.Intake;

public static class IntakeServiceCollectionExtensions
{
    /// <summary>
    /// Everything the alert intake needs: parsing, rules, target policy, ledger, rate budget, messaging, the
    /// ThousandEyes client, and the handler itself. Used by the Functions app and the CLI alike.
    /// </summary>
    public static IServiceCollection AddAlertIntake(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddAlertParsing(configuration)
            .AddAlertRules(configuration)
            .AddTargetPolicy(configuration)
            .AddReplyPolicy(configuration)
            .AddLedger(configuration)
            .AddRateBudget(configuration)
            .AddAlertProbeMessaging(configuration)
            .AddThousandEyesClientWithKeyVault(configuration);

        services.AddValidatedOptions<IntakeOptions, IntakeOptionsValidator>(configuration.GetSection(IntakeOptions.SectionName));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<CredentialCircuit>();
        services.TryAddSingleton<IntakePlanner>();

        // The ThousandEyes client is a transient typed client: whatever holds it is transient too.
        services.TryAddTransient<InstantTestCreator>();
        services.TryAddTransient<AlertIntakeHandler>();
        return services;
    }
}
