using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace AlertProbe.Functions.Health.Checks;

/// <summary>Healthy when <typeparamref name="TOptions"/> binds and validates; otherwise lists the failures.</summary>
internal sealed class OptionsHealthCheck<TOptions>(IOptionsMonitor<TOptions> options, string sectionName) : IHealthCheck
    where TOptions : class
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var read = OptionsReader.Read(options, sectionName);
        return Task.FromResult(read.IsValid
            ? HealthCheckResult.Healthy($"{sectionName} settings are valid.")
            : HealthCheckResult.Unhealthy($"{sectionName} settings are invalid.", data: new Dictionary<string, object>
            {
                [HealthCheckData.FailuresKey] = read.Failures,
            }));
    }
}
