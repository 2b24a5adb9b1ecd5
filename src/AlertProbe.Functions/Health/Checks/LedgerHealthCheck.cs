using AlertProbe.Core.Ledger;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace AlertProbe.Functions.Health.Checks;

/// <summary>
/// The ledger's storage (<see cref="LedgerOptions"/>): Table Storage by service URI (Azure, identity) or connection
/// string (Azurite locally), or in-memory (degraded: per process). Reports the kind and, for a URI, the host.
/// </summary>
internal sealed class LedgerHealthCheck(IOptionsMonitor<LedgerOptions> options) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var read = OptionsReader.Read(options, LedgerOptions.SectionName);
        if (!read.IsValid)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy(
                "Ledger settings are invalid.",
                data: new Dictionary<string, object> { [HealthCheckData.FailuresKey] = read.Failures }));
        }

        var ledger = read.Value!;
        if (ledger.Kind == LedgerKind.InMemory)
        {
            return Task.FromResult(HealthCheckResult.Degraded(
                "In-memory ledger: per process, so scaled-out instances do not share idempotency or coalescing.",
                data: new Dictionary<string, object> { ["kind"] = "in-memory" }));
        }

        if (ledger.ServiceUri is not null)
        {
            return Task.FromResult(HealthCheckResult.Healthy("Ledger on Table Storage with an Azure identity.", new Dictionary<string, object>
            {
                ["kind"] = "table-service-uri",
                ["host"] = ledger.ServiceUri.Host,
                ["tableNamePrefix"] = ledger.TableNamePrefix,
            }));
        }

        if (!string.IsNullOrWhiteSpace(ledger.ConnectionString))
        {
            var development = ledger.ConnectionString.Trim().Equals("UseDevelopmentStorage=true", StringComparison.OrdinalIgnoreCase);
            return Task.FromResult(HealthCheckResult.Healthy("Ledger on Table Storage with a connection string.", new Dictionary<string, object>
            {
                ["kind"] = development ? "development-storage" : "connection-string",
                ["tableNamePrefix"] = ledger.TableNamePrefix,
            }));
        }

        return Task.FromResult(HealthCheckResult.Unhealthy(
            "Ledger storage is not configured: set Ledger:ServiceUri (Azure) or Ledger:ConnectionString (local).",
            data: new Dictionary<string, object> { ["kind"] = "none" }));
    }
}
