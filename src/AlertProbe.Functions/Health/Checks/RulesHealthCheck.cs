using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AlertProbe.Functions.Health.Checks;

/// <summary>Where the rules come from: the file named by <c>Rules:Path</c> (which must exist) or the embedded default.</summary>
internal sealed class RulesHealthCheck(IConfiguration configuration) : IHealthCheck
{
    public const string PathKey = "Rules:Path";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var path = configuration[PathKey];
        if (string.IsNullOrWhiteSpace(path))
        {
            return Task.FromResult(HealthCheckResult.Healthy(
                "Embedded default rules.",
                new Dictionary<string, object> { ["source"] = "embedded-default" }));
        }

        var data = new Dictionary<string, object> { ["source"] = "file", ["path"] = path };
        return Task.FromResult(File.Exists(path)
            ? HealthCheckResult.Healthy("Rules file configured.", data)
            : HealthCheckResult.Unhealthy($"{PathKey} names a file that does not exist.", data: data));
    }
}
