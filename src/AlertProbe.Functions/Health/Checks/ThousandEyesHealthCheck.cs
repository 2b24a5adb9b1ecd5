using AlertProbe.Core.KeyVault;
using AlertProbe.ThousandEyes;
using AlertProbe.ThousandEyes.Authentication;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace AlertProbe.Functions.Health.Checks;

/// <summary>The ThousandEyes API: base URL host, API version, auth scheme and where the credentials come from.</summary>
internal sealed class ThousandEyesHealthCheck(
    IOptionsMonitor<ThousandEyesOptions> options,
    IOptionsMonitor<KeyVaultOptions> keyVault,
    IConfiguration configuration) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var read = OptionsReader.Read(options, ThousandEyesOptions.SectionName);
        if (!read.IsValid)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy(
                "ThousandEyes settings are invalid.",
                data: new Dictionary<string, object> { [HealthCheckData.FailuresKey] = read.Failures }));
        }

        var settings = read.Value!;
        var credentialSource = CredentialSource(settings);
        var data = new Dictionary<string, object>
        {
            ["baseUrlHost"] = settings.BaseUrl.Host,
            ["apiVersion"] = settings.ApiVersion == ThousandEyesApiVersion.V6 ? "v6" : "v7",
            ["authScheme"] = settings.AuthScheme.ToString().ToLowerInvariant(),
            ["accountGroupConfigured"] = !string.IsNullOrWhiteSpace(settings.AccountGroupId),
            ["credentialSource"] = credentialSource,
        };

        return Task.FromResult(credentialSource == "none"
            ? HealthCheckResult.Unhealthy("No ThousandEyes credentials: set KeyVault:Uri or ThousandEyes:BearerToken.", data: data)
            : HealthCheckResult.Healthy("ThousandEyes API configured.", data));
    }

    // Asks where the client's choice is made (KeyVaultOptions), else configuration. Only presence is read.
    private string CredentialSource(ThousandEyesOptions settings)
    {
        if (OptionsReader.Read(keyVault, KeyVaultOptions.SectionName).Value?.HoldsThousandEyesCredentials == true)
        {
            return "key-vault";
        }

        var section = configuration.GetSection(ThousandEyesOptions.SectionName);
        var present = settings.AuthScheme == ThousandEyesAuthScheme.Basic
            ? !string.IsNullOrWhiteSpace(section[ConfigurationCredentialSource.EmailKey]) && !string.IsNullOrWhiteSpace(section[ConfigurationCredentialSource.BasicTokenKey])
            : !string.IsNullOrWhiteSpace(section[ConfigurationCredentialSource.BearerTokenKey]);
        return present ? "configuration" : "none";
    }
}
