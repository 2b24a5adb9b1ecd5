using Microsoft.Extensions.Options;

namespace AlertProbe.Core.KeyVault;

/// <summary>The data annotations of <see cref="KeyVaultOptions"/>, checked by generated code (no reflection).</summary>
[OptionsValidator]
internal sealed partial class KeyVaultOptionsValidator : IValidateOptions<KeyVaultOptions>;

/// <summary>What data annotations cannot say of <see cref="KeyVaultOptions"/>: the vault is an absolute https URL.</summary>
internal sealed class KeyVaultUriValidator : IValidateOptions<KeyVaultOptions>
{
    public ValidateOptionsResult Validate(string? name, KeyVaultOptions options) =>
        options.Uri is null or { IsAbsoluteUri: true, Scheme: "https" }
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"{KeyVaultOptions.SectionName}:Uri must be an absolute https URL such as https://my-vault.vault.azure.net/.");
}
