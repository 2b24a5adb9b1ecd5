using AlertProbe.Core.KeyVault;
using Azure;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AlertProbe.Core.Ingress;

/// <summary>
/// Hands out signing secrets: the configured value, or a Key Vault secret reused (through the app's one
/// <see cref="KeyVaultSecretCache"/>) for <see cref="IngressOptions.SecretCacheLifetime"/> so every request does not cost a Key Vault call and a rotated
/// secret still takes effect soon. Concrete with virtual members so handlers' tests can substitute it.
/// </summary>
public class SigningSecretStore
{
    private readonly KeyVaultSecretCache? _secrets;
    private readonly TimeSpan _lifetime;
    private readonly ILogger<SigningSecretStore> _logger;

    public SigningSecretStore(KeyVaultSecretCache secrets, IOptions<IngressOptions> options, ILogger<SigningSecretStore> logger)
    {
        ArgumentNullException.ThrowIfNull(secrets);
        ArgumentNullException.ThrowIfNull(options);
        _secrets = secrets;
        _lifetime = options.Value.SecretCacheLifetime;
        _logger = logger;
    }

    /// <summary>For mocking (the ingress handlers' tests substitute the store).</summary>
    protected SigningSecretStore()
    {
        _logger = Microsoft.Extensions.Logging.Abstractions.NullLogger<SigningSecretStore>.Instance;
    }

    public virtual async ValueTask<SigningSecretLookup> GetAsync(SignedSourceOptions source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (!string.IsNullOrEmpty(source.SigningSecret))
        {
            if (!IsUsable(source.SigningSecret))
            {
                // App Service leaves an unresolvable Key Vault reference as the setting's literal text.
                Log.SecretMissing(_logger, source.GetType().Name, "the configured value is blank or an unresolved Key Vault reference");
                return SigningSecretLookup.Missing;
            }

            ThousandEyes.Errors.SecretRedactor.Remember(source.SigningSecret);
            return SigningSecretLookup.Found(source.SigningSecret);
        }

        var name = source.SigningSecretName;
        if (string.IsNullOrEmpty(name))
        {
            if (source.RequireSignature)
            {
                Log.SecretMissing(_logger, source.GetType().Name, "RequireSignature is set but neither SigningSecret nor SigningSecretName is");
                return SigningSecretLookup.Missing;
            }

            return SigningSecretLookup.NotConfigured;
        }

        if (_secrets is not { IsConfigured: true })
        {
            // The validator requires a Key Vault URI whenever a secret name is set, so this is a wiring bug.
            throw new InvalidOperationException($"Signing secret '{name}' is to be read from Key Vault, but no vault is configured.");
        }

        try
        {
            var (value, fromCache) = await _secrets.GetAsync(name, _lifetime, forceRefresh: false, cancellationToken).ConfigureAwait(false);
            if (!IsUsable(value))
            {
                Log.SecretMissing(_logger, name, "the Key Vault secret is empty");
                return SigningSecretLookup.Missing;
            }

            ThousandEyes.Errors.SecretRedactor.Remember(value!);
            if (!fromCache)
            {
                Log.SecretLoaded(_logger, name);
            }

            return SigningSecretLookup.Found(value!);
        }
        catch (RequestFailedException exception) when (exception.Status == 404)
        {
            // Not transient: the secret was never created, or was deleted. Not cached, so creating it takes effect at once.
            Log.SecretMissing(_logger, name, "the Key Vault secret does not exist (404)");
            return SigningSecretLookup.Missing;
        }
        catch (RequestFailedException exception)
        {
            // Also Key Vault not answering at all (status 0).
            Log.SecretUnavailable(_logger, name, exception.Status, exception.ErrorCode);
            return SigningSecretLookup.Unavailable;
        }
    }

    private static bool IsUsable(string? secret) =>
        !string.IsNullOrWhiteSpace(secret) && !secret.TrimStart().StartsWith("@Microsoft.KeyVault(", StringComparison.OrdinalIgnoreCase);
}
