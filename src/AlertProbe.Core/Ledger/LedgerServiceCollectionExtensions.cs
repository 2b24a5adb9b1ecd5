using AlertProbe.Core.AzureClients;
using AlertProbe.Core.Ledger.Storage;
using AlertProbe.Core.Settings;
using Azure.Data.Tables;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AlertProbe.Core.Ledger;

public static class LedgerServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="ILedger"/> over the storage configured in section <c>Ledger</c> (Table Storage; in-memory
    /// only with <c>Ledger:Kind = InMemory</c>). Settings are validated at start-up.
    /// </summary>
    public static IServiceCollection AddLedger(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddLedgerStore(configuration);
        services.TryAddSingleton<ILedger>(provider =>
        {
            var options = provider.GetRequiredService<IOptions<LedgerOptions>>().Value;
            return new StoreLedger(
                provider.GetRequiredService<ILedgerStore>(),
                provider.GetService<TimeProvider>() ?? TimeProvider.System,
                options.IntakeLease,
                provider.GetService<ILogger<StoreLedger>>());
        });
        return services;
    }

    /// <summary>The shared row store under the ledger and the rate budget (registered once).</summary>
    internal static IServiceCollection AddLedgerStore(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (services.Any(descriptor => descriptor.ServiceType == typeof(ILedgerStore)))
        {
            // Not an idempotence guard (the registrations below are TryAdd): a store registered beforehand (tests, the
            // storm benchmark) replaces the ledger's storage, so its storage settings are neither bound nor required.
            return services;
        }

        services.AddValidatedOptions<LedgerOptions, LedgerOptionsValidator>(configuration.GetSection(LedgerOptions.SectionName));
        services.AddOptionsValidator<LedgerOptions, LedgerConnectionValidator>();
        services.AddAlertProbeAzureClients(configuration);
        services.TryAddSingleton<ILedgerStore>(provider =>
        {
            var options = provider.GetRequiredService<IOptions<LedgerOptions>>().Value;
            return options.Kind == LedgerKind.InMemory
                ? new InMemoryLedgerStore()
                : new TableLedgerStore(provider.GetRequiredService<TableServiceClient>(), options.TableNamePrefix, options.CreateTables);
        });
        return services;
    }
}
