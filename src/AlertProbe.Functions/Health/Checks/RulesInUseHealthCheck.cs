using System.Globalization;
using AlertProbe.Core.Rules;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace AlertProbe.Functions.Health.Checks;

/// <summary>
/// The rules the app plans with now (source, version, count, when loaded) and the fate of the last reload poll:
/// degraded while a newer file or blob is refused (its file:line errors listed) or cannot be read, because the app
/// then keeps running on the last good rules, which are no longer what the operator deployed.
/// </summary>
internal sealed class RulesInUseHealthCheck(RuleSetProvider? provider = null, IOptions<RulesOptions>? options = null) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (provider is null || options is null)
        {
            return Task.FromResult(HealthCheckResult.Healthy("Rules are not registered in this host.", new Dictionary<string, object> { ["source"] = "none" }));
        }

        try
        {
            // The start-up load, if nothing has run it yet; it runs once either way.
            _ = options.Value;
        }
        catch (OptionsValidationException)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("No rules are loaded: the rules did not load at start-up (see the 'rules' entry)."));
        }

        if (provider.Status is not { } status)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("No rules are loaded."));
        }

        var data = new Dictionary<string, object>
        {
            ["source"] = status.SourceKind,
            ["name"] = status.SourceName,
            ["ruleCount"] = status.RuleCount,
            ["loadedAt"] = status.LoadedAt.ToString("O", CultureInfo.InvariantCulture),
        };
        if (status.Version is not null)
        {
            data["version"] = status.Version;
        }

        if (status.LastCheckedAt is { } checkedAt)
        {
            data["lastCheckedAt"] = checkedAt.ToString("O", CultureInfo.InvariantCulture);
        }

        if (status.RejectedVersion is not null)
        {
            data["rejectedVersion"] = status.RejectedVersion;
            data["rejectedAt"] = status.RejectedAt?.ToString("O", CultureInfo.InvariantCulture) ?? string.Empty;
            data[HealthCheckData.FailuresKey] = status.RejectedErrors.Select(error => error.ToString()).ToList();
            return Task.FromResult(HealthCheckResult.Degraded(
                "A newer rules document failed validation and was not applied; the last good rules are in use.", data: data));
        }

        if (status.ReadFailure is not null)
        {
            data[HealthCheckData.FailuresKey] = new List<string> { status.ReadFailure };
            return Task.FromResult(HealthCheckResult.Degraded(
                "The rules source could not be read at the last poll; the last good rules are in use.", data: data));
        }

        return Task.FromResult(HealthCheckResult.Healthy("Rules in use.", data));
    }
}
