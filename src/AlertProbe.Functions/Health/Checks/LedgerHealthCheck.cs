using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AlertProbe.Functions.Health.Checks;

/// <summary>
/// The ledger's Table Storage: <c>Ledger:ServiceUri</c> (Azure, identity) or <c>Ledger:ConnectionString</c>
/// (Azurite locally). Reports the kind and, for a service URI, the host.
/// </summary>
internal sealed class LedgerHealthCheck(IConfiguration configuration) : IHealthCheck
{
    public const string SectionName = "Ledger";

    private const string InvalidServiceUri = "Ledger:ServiceUri must be an absolute URL.";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var section = configuration.GetSection(SectionName);
        var serviceUri = section["ServiceUri"];
        if (!string.IsNullOrWhiteSpace(serviceUri))
        {
            return Task.FromResult(Uri.TryCreate(serviceUri, UriKind.Absolute, out var uri)
                ? HealthCheckResult.Healthy("Ledger on Table Storage with an Azure identity.", new Dictionary<string, object>
                {
                    ["configured"] = true,
                    ["kind"] = "table-service-uri",
                    ["host"] = uri.Host,
                })
                : HealthCheckResult.Unhealthy(InvalidServiceUri, data: new Dictionary<string, object>
                {
                    ["configured"] = true,
                    [HealthCheckData.FailuresKey] = new List<string> { InvalidServiceUri },
                }));
        }

        var connectionString = section["ConnectionString"];
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            var development = connectionString.Trim().Equals("UseDevelopmentStorage=true", StringComparison.OrdinalIgnoreCase);
            return Task.FromResult(HealthCheckResult.Healthy("Ledger on Table Storage with a connection string.", new Dictionary<string, object>
            {
                ["configured"] = true,
                ["kind"] = development ? "development-storage" : "connection-string",
            }));
        }

        return Task.FromResult(HealthCheckResult.Unhealthy(
            "Ledger storage is not configured: set Ledger:ServiceUri (Azure) or Ledger:ConnectionString (local).",
            data: new Dictionary<string, object> { ["configured"] = false }));
    }
}
