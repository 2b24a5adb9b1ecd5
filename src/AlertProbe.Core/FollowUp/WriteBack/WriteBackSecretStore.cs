using AlertProbe.Core.KeyVault;
using AlertProbe.ThousandEyes.Errors;
using Azure;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AlertProbe.Core.FollowUp.WriteBack;

/// <summary>
/// Hands out write-back credentials: the configured value, or a Key Vault secret reused (through the app's one
/// <see cref="KeyVaultSecretCache"/>) for <see cref="WriteBackOptions.SecretCacheLifetime"/>. Every value handed out is remembered by the
/// <see cref="SecretRedactor"/>, so it is masked wherever text leaves the process.
/// </summary>
public sealed partial class WriteBackSecretStore(
    KeyVaultSecretCache secrets, IOptions<WriteBackOptions> options, ILogger<WriteBackSecretStore> logger)
{
    /// <summary>The secret, or null with <paramref name="why"/> (never the value) and whether trying later may help.</summary>
    public async Task<SecretLookup> GetAsync(string setting, string? value, string? secretName, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(value))
        {
            if (value.TrimStart().StartsWith("@Microsoft.KeyVault(", StringComparison.OrdinalIgnoreCase))
            {
                // App Service leaves an unresolvable Key Vault reference as the setting's literal text.
                return SecretLookup.Missing($"{setting} is an unresolved Key Vault reference");
            }

            SecretRedactor.Remember(value);
            return SecretLookup.Found(value);
        }

        if (string.IsNullOrEmpty(secretName) || !secrets.IsConfigured)
        {
            return SecretLookup.Missing($"{setting} is not configured");
        }

        try
        {
            var secret = (await secrets.GetAsync(secretName, options.Value.SecretCacheLifetime, forceRefresh: false, cancellationToken).ConfigureAwait(false)).Value;
            if (string.IsNullOrWhiteSpace(secret))
            {
                return SecretLookup.Missing($"Key Vault secret '{secretName}' is empty");
            }

            SecretRedactor.Remember(secret);
            return SecretLookup.Found(secret);
        }
        catch (RequestFailedException exception) when (exception.Status == 404)
        {
            Log.SecretUnavailable(logger, secretName, exception.Status);
            return SecretLookup.Missing($"Key Vault secret '{secretName}' does not exist");
        }
        catch (RequestFailedException exception)
        {
            // Also Key Vault not answering at all (status 0).
            Log.SecretUnavailable(logger, secretName, exception.Status);
            return SecretLookup.Unavailable($"Key Vault secret '{secretName}' could not be read ({exception.Status})");
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 4040, Level = LogLevel.Warning, Message = "Write-back secret {SecretName} could not be read from Key Vault (status {Status})")]
        public static partial void SecretUnavailable(ILogger logger, string secretName, int status);
    }
}

/// <summary>A credential, or why there is none (<see cref="Transient"/>: Key Vault may answer later).</summary>
public sealed record SecretLookup(string? Value, string? Why, bool Transient)
{
    public static SecretLookup Found(string value) => new(value, null, false);

    public static SecretLookup Missing(string why) => new(null, why, false);

    public static SecretLookup Unavailable(string why) => new(null, why, true);

    public override string ToString() => Value is null ? $"missing: {Why}" : "found";
}
