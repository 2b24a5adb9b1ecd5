using AlertProbe.Core.KeyVault;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace AlertProbe.Functions.Health.Checks;

/// <summary>Key Vault: whether a vault is configured, its host, the identity used and the secret names (not values).</summary>
internal sealed class KeyVaultHealthCheck(IOptionsMonitor<KeyVaultOptions> options) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var read = OptionsReader.Read(options, KeyVaultOptions.SectionName);
        if (!read.IsValid)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy(
                "Key Vault settings are invalid.",
                data: new Dictionary<string, object> { [HealthCheckData.FailuresKey] = read.Failures }));
        }

        var vault = read.Value!;
        if (vault.Uri is null)
        {
            return Task.FromResult(HealthCheckResult.Healthy(
                "No Key Vault configured: credentials come from configuration.",
                new Dictionary<string, object> { ["configured"] = false }));
        }

        return Task.FromResult(HealthCheckResult.Healthy("Key Vault configured.", new Dictionary<string, object>
        {
            ["configured"] = true,
            ["vaultHost"] = vault.Uri.Host,
            ["identity"] = string.IsNullOrWhiteSpace(vault.ManagedIdentityClientId) ? "default-credential" : "user-assigned",
            ["bearerTokenSecretName"] = vault.BearerTokenSecretName,
        }));
    }
}
