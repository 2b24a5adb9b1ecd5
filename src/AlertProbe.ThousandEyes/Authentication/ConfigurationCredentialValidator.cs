using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace AlertProbe.ThousandEyes.Authentication;

/// <summary>
/// The settings <see cref="ConfigurationCredentialSource"/> reads are present for the chosen auth scheme, named
/// exactly. Registered wherever that source is the one in use, so a missing token fails at start-up.
/// </summary>
public sealed class ConfigurationCredentialValidator(IConfiguration configuration) : IValidateOptions<ThousandEyesOptions>
{
    private const string Section = ThousandEyesOptions.SectionName;

    // The hosts read the credential from Key Vault when this is set; the messages say so to point at both ways.
    private const string KeyVaultUriSetting = "KeyVault:Uri";

    private static readonly string[] BasicAuthKeys = [ConfigurationCredentialSource.EmailKey, ConfigurationCredentialSource.BasicTokenKey];

    public ValidateOptionsResult Validate(string? name, ThousandEyesOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        var section = configuration.GetSection(Section);
        bool Missing(string key) => string.IsNullOrWhiteSpace(section[key]);
        if (options.AuthScheme == ThousandEyesAuthScheme.Bearer && Missing(ConfigurationCredentialSource.BearerTokenKey))
        {
            // Half of the basic-auth pair set and no scheme chosen: say what else would complete it.
            var basicHint = !Missing(ConfigurationCredentialSource.EmailKey) || !Missing(ConfigurationCredentialSource.BasicTokenKey)
                ? $" (for v6 basic auth instead, set {Section}:AuthScheme to Basic with both {Section}:{ConfigurationCredentialSource.EmailKey} and {Section}:{ConfigurationCredentialSource.BasicTokenKey})"
                : string.Empty;
            failures.Add($"{Section}:{ConfigurationCredentialSource.BearerTokenKey} is required when {KeyVaultUriSetting} is not set{basicHint}.");
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
                failures.Add($"{string.Join(" and ", missing)} {(missing.Count == 1 ? "is" : "are")} required for basic auth when {KeyVaultUriSetting} is not set.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
