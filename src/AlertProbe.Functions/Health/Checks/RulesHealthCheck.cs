using AlertProbe.Core.Rules;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace AlertProbe.Functions.Health.Checks;

/// <summary>Where the rules come from: the file named by <c>Rules:Path</c> (validated by loading it) or the embedded default.</summary>
internal sealed class RulesHealthCheck(IOptionsMonitor<RulesOptions> options) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var read = OptionsReader.Read(options, RulesOptions.SectionName);
        if (!read.IsValid)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy(
                "Rules settings are invalid or the rules file does not load.",
                data: new Dictionary<string, object> { [HealthCheckData.FailuresKey] = read.Failures }));
        }

        var path = read.Value!.Path;
        return Task.FromResult(string.IsNullOrWhiteSpace(path)
            ? HealthCheckResult.Healthy("Embedded default rules.", new Dictionary<string, object> { ["source"] = "embedded-default" })
            : HealthCheckResult.Healthy("Rules file loaded.", new Dictionary<string, object> { ["source"] = "file", ["path"] = path }));
    }
}
