using Microsoft.Extensions.Options;

namespace AlertProbe.Core.KeyVault;

/// <summary>Rules data annotations cannot express for <see cref="KeyVaultOptions"/>.</summary>
internal sealed class KeyVaultOptionsValidator : IValidateOptions<KeyVaultOptions>
{
    public ValidateOptionsResult Validate(string? name, KeyVaultOptions options) =>
        options.Uri is null or { IsAbsoluteUri: true, Scheme: "https" }
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"{KeyVaultOptions.SectionName}:Uri must be an absolute https URL such as https://my-vault.vault.azure.net/.");
}
