using System.ComponentModel.DataAnnotations;

namespace AlertProbe.Core.KeyVault;

/// <summary>Where the ThousandEyes credentials live in Azure Key Vault. Used when <see cref="Uri"/> is set.</summary>
public sealed class KeyVaultOptions
{
    public const string SectionName = "KeyVault";

    /// <summary>The vault, e.g. <c>https://my-vault.vault.azure.net/</c>. Unset: credentials come from configuration.</summary>
    public Uri? Uri { get; set; }

    [Required(AllowEmptyStrings = false)]
    public string BearerTokenSecretName { get; set; } = "thousandeyes-bearer-token";

    [Required(AllowEmptyStrings = false)]
    public string EmailSecretName { get; set; } = "thousandeyes-email";

    [Required(AllowEmptyStrings = false)]
    public string BasicTokenSecretName { get; set; } = "thousandeyes-basic-token";

    /// <summary>Client id of a user-assigned managed identity; unset: <c>DefaultAzureCredential</c>.</summary>
    public string? ManagedIdentityClientId { get; set; }

    /// <summary>
    /// Whether the ThousandEyes credentials are read from the vault: when <see cref="Uri"/> is set. The one place this
    /// is decided (the credential source, the start-up validation and the health check ask here).
    /// </summary>
    public bool HoldsThousandEyesCredentials => Uri is not null;

    /// <summary>How long a read secret is reused before Key Vault is asked again.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan SecretCacheLifetime { get; set; } = TimeSpan.FromMinutes(5);
}
