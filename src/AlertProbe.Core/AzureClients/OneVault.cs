using AlertProbe.Core.FollowUp.WriteBack;
using AlertProbe.Core.Ingress;
using AlertProbe.Core.KeyVault;
using Microsoft.Extensions.Options;

namespace AlertProbe.Core.AzureClients;

/// <summary>
/// The features' own vault settings (<c>Ingress:KeyVaultUri</c>, <c>WriteBack:KeyVaultUri</c>) default to
/// <see cref="KeyVaultOptions.Uri"/>: read from the bound options, not from the raw <c>KeyVault:*</c> keys.
/// </summary>
internal sealed class FeatureVaultDefaults(IOptions<KeyVaultOptions> vault) : IPostConfigureOptions<IngressOptions>, IPostConfigureOptions<WriteBackOptions>
{
    public void PostConfigure(string? name, IngressOptions options) => options.KeyVaultUri ??= vault.Value.Uri;

    public void PostConfigure(string? name, WriteBackOptions options) => options.KeyVaultUri ??= vault.Value.Uri;
}

/// <summary>
/// The app has one <see cref="Azure.Security.KeyVault.Secrets.SecretClient"/>, so one vault: <c>Ingress:KeyVaultUri</c>
/// naming another vault than <c>KeyVault:Uri</c> fails at start-up.
/// </summary>
internal sealed class IngressVaultValidator(IOptions<KeyVaultOptions> vault) : IValidateOptions<IngressOptions>
{
    public ValidateOptionsResult Validate(string? name, IngressOptions options) =>
        OneVault.Agree($"{IngressOptions.SectionName}:KeyVaultUri", options.KeyVaultUri, $"{KeyVaultOptions.SectionName}:Uri", vault.Value.Uri);
}

/// <summary>The same for <c>WriteBack:KeyVaultUri</c>, against <c>KeyVault:Uri</c> or, without it, <c>Ingress:KeyVaultUri</c>.</summary>
internal sealed class WriteBackVaultValidator(IOptions<KeyVaultOptions> vault, IOptions<IngressOptions> ingress) : IValidateOptions<WriteBackOptions>
{
    public ValidateOptionsResult Validate(string? name, WriteBackOptions options)
    {
        const string Key = $"{WriteBackOptions.SectionName}:KeyVaultUri";
        if (vault.Value.Uri is { } shared)
        {
            return OneVault.Agree(Key, options.KeyVaultUri, $"{KeyVaultOptions.SectionName}:Uri", shared);
        }

        try
        {
            return OneVault.Agree(Key, options.KeyVaultUri, $"{IngressOptions.SectionName}:KeyVaultUri", ingress.Value.KeyVaultUri);
        }
        catch (OptionsValidationException)
        {
            // The ingress settings are invalid: their own validation says so, once; this rule cannot be judged.
            return ValidateOptionsResult.Skip;
        }
    }
}

internal static class OneVault
{
    public static ValidateOptionsResult Agree(string key, Uri? value, string otherKey, Uri? other) =>
        value is null || other is null || value == other
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"{key} ({value}) names another vault than {otherKey} ({other}): the app reads all its secrets from one vault; unset {key} or make them equal.");
}
