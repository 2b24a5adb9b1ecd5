using AlertProbe.Core.Ledger;
using AlertProbe.Core.Ledger.Storage;
using AlertProbe.ThousandEyes.RateLimiting;
using AlertProbe.Core.Settings;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AlertProbe.Core.RateLimiting;

public static class RateBudgetServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="RateBudget"/> (section <c>RateBudget</c>) on the ledger's storage (section <c>Ledger</c>),
    /// so every instance shares one budget, and as the ThousandEyes client's <see cref="IRateLimitObserver"/>.
    /// </summary>
    public static IServiceCollection AddRateBudget(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddLedgerStore(configuration);
        services.AddValidatedOptions<RateBudgetOptions, RateBudgetOptionsValidator>(configuration.GetSection(RateBudgetOptions.SectionName));
        services.TryAddSingleton(provider => new RateBudget(
            provider.GetRequiredService<ILedgerStore>(),
            provider.GetRequiredService<IOptions<RateBudgetOptions>>(),
            provider.GetService<TimeProvider>() ?? TimeProvider.System,
            provider.GetService<ILogger<RateBudget>>() ?? NullLogger<RateBudget>.Instance));

        // The ThousandEyes client's pipeline reports every rate-limit header set and 429 to its observers.
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IRateLimitObserver, RateBudget>(provider => provider.GetRequiredService<RateBudget>()));
        return services;
    }
}
