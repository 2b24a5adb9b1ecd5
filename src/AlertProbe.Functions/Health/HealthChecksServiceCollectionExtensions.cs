using AlertProbe.Functions.Health.Checks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AlertProbe.Functions.Health;

public static class HealthChecksServiceCollectionExtensions
{
    /// <summary>
    /// Registers the health checks behind <c>GET /api/health</c>: one per dependency (ThousandEyes, Key Vault,
    /// Service Bus, ledger storage, rules). Add a check per feature options
    /// type with <see cref="AddOptionsCheck{TOptions}"/>.
    /// </summary>
    public static IHealthChecksBuilder AddAlertProbeHealthChecks(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return services.AddHealthChecks()
            .AddCheck<ThousandEyesHealthCheck>("thousandEyes")
            .AddCheck<KeyVaultHealthCheck>("keyVault")
            .AddCheck<ServiceBusHealthCheck>("serviceBus")
            .AddCheck<LedgerHealthCheck>("ledger")
            .AddCheck<RulesHealthCheck>("rules")
            .AddCheck<RulesInUseHealthCheck>("rulesInUse");
    }

    /// <summary>A check that <typeparamref name="TOptions"/> (bound from <paramref name="sectionName"/>) binds and validates.</summary>
    public static IHealthChecksBuilder AddOptionsCheck<TOptions>(this IHealthChecksBuilder builder, string name, string sectionName)
        where TOptions : class
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddTypeActivatedCheck<OptionsHealthCheck<TOptions>>(name, sectionName);
    }
}
