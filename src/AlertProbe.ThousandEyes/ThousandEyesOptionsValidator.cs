using AlertProbe.ThousandEyes.Authentication;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace AlertProbe.ThousandEyes;

/// <summary>Cross-field rules of <see cref="ThousandEyesOptions"/>, with setting names in the messages.</summary>
internal sealed class ThousandEyesOptionsValidator(IConfiguration configuration, IOptions<KeyVaultOptions> keyVault)
    : IValidateOptions<ThousandEyesOptions>
{
    private static readonly string[] BasicAuthKeys = [ConfigurationCredentialSource.EmailKey, ConfigurationCredentialSource.BasicTokenKey];

    public ValidateOptionsResult Validate(string? name, ThousandEyesOptions options)
    {
        var failures = new List<string>();
        const string Section = ThousandEyesOptions.SectionName;

        if (options.BaseUrl is not { IsAbsoluteUri: true } baseUrl || baseUrl.Scheme is not ("https" or "http"))
        {
            failures.Add($"{Section}:BaseUrl must be an absolute http(s) URL.");
        }
        else if (baseUrl.Scheme == "http" && !baseUrl.IsLoopback)
        {
            // Credentials travel in every request: plain http only to a local simulator.
            failures.Add($"{Section}:BaseUrl must use https (http is allowed for loopback addresses only).");
        }

        if (!Enum.IsDefined(options.ApiVersion))
        {
            failures.Add($"{Section}:ApiVersion must be v6 or v7.");
        }

        if (options.AuthScheme == ThousandEyesAuthScheme.Basic && options.ApiVersion == ThousandEyesApiVersion.V7)
        {
            failures.Add($"{Section}:AuthScheme basic is only supported by API v6; v7 takes bearer tokens only.");
        }

        if (keyVault.Value.Uri is null)
        {
            var section = configuration.GetSection(Section);
            bool Missing(string key) => string.IsNullOrWhiteSpace(section[key]);
            if (options.AuthScheme == ThousandEyesAuthScheme.Bearer && Missing(ConfigurationCredentialSource.BearerTokenKey))
            {
                // Half of the basic-auth pair set and no scheme chosen: say what else would complete it.
                var basicHint = !Missing(ConfigurationCredentialSource.EmailKey) || !Missing(ConfigurationCredentialSource.BasicTokenKey)
                    ? $" (for v6 basic auth instead, set {Section}:AuthScheme to Basic with both {Section}:{ConfigurationCredentialSource.EmailKey} and {Section}:{ConfigurationCredentialSource.BasicTokenKey})"
                    : string.Empty;
                failures.Add($"{Section}:{ConfigurationCredentialSource.BearerTokenKey} is required when {KeyVaultOptions.SectionName}:Uri is not set{basicHint}.");
            }

            if (options.AuthScheme == ThousandEyesAuthScheme.Basic)
            {
                // Name exactly the setting(s) missing, not the pair.
                var missing = BasicAuthKeys
                    .Where(Missing)
                    .Select(key => $"{Section}:{key}")
                    .ToList();
                if (missing.Count > 0)
                {
                    failures.Add($"{string.Join(" and ", missing)} {(missing.Count == 1 ? "is" : "are")} required for basic auth when {KeyVaultOptions.SectionName}:Uri is not set.");
                }
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
