using System.Collections.Concurrent;
using AlertProbe.Core.AzureSdk;
using Azure;
using Azure.Security.KeyVault.Secrets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AlertProbe.Core.Ingress;

/// <summary>
/// Hands out signing secrets: the configured value, or a Key Vault secret cached for
/// <see cref="IngressOptions.SecretCacheLifetime"/> so every request does not cost a Key Vault call and a rotated
/// secret still takes effect soon. Concrete with virtual members so handlers' tests can substitute it.
/// </summary>
public class SigningSecretStore
{
    private readonly SecretClient? _secretClient;
    private readonly TimeProvider _timeProvider;
    private readonly TimeSpan _lifetime;
    private readonly ILogger<SigningSecretStore> _logger;
    private readonly ConcurrentDictionary<string, CachedSecret> _cache = new(StringComparer.Ordinal);

    public SigningSecretStore(SecretClient? secretClient, TimeProvider timeProvider, IOptions<IngressOptions> options, ILogger<SigningSecretStore> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _secretClient = secretClient;
        _timeProvider = timeProvider;
        _lifetime = options.Value.SecretCacheLifetime;
        _logger = logger;
    }

    /// <summary>For mocking.</summary>
    protected SigningSecretStore()
    {
        _timeProvider = TimeProvider.System;
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

        var now = _timeProvider.GetUtcNow();
        if (_cache.TryGetValue(name, out var cached) && cached.ExpiresAt > now)
        {
            return SigningSecretLookup.Found(cached.Value);
        }

        if (_secretClient is null)
        {
            // The validator requires a Key Vault URI whenever a secret name is set, so this is a wiring bug.
            throw new InvalidOperationException($"Signing secret '{name}' is to be read from Key Vault, but no SecretClient is registered.");
        }

        try
        {
            var response = await _secretClient.GetSecretAsync(name, version: null, cancellationToken).ConfigureAwait(false);
            var value = response.Value.Value;
            if (!IsUsable(value))
            {
                Log.SecretMissing(_logger, name, "the Key Vault secret is empty");
                return SigningSecretLookup.Missing;
            }

            ThousandEyes.Errors.SecretRedactor.Remember(value);
            _cache[name] = new CachedSecret(value, now + _lifetime);
            Log.SecretLoaded(_logger, name);
            return SigningSecretLookup.Found(value);
        }
        catch (Exception failure) when (AzureSdkFailure.AsRequestFailed(failure) is { Status: 404 })
        {
            // Not transient: the secret was never created, or was deleted. Not cached, so creating it takes effect at once.
            Log.SecretMissing(_logger, name, "the Key Vault secret does not exist (404)");
            return SigningSecretLookup.Missing;
        }
        catch (Exception failure) when (AzureSdkFailure.AsRequestFailed(failure) is { } exception)
        {
            // Also Key Vault not answering at all (the retries' AggregateException).
            Log.SecretUnavailable(_logger, name, exception.Status, exception.ErrorCode);
            return SigningSecretLookup.Unavailable;
        }
    }

    private static bool IsUsable(string? secret) =>
        !string.IsNullOrWhiteSpace(secret) && !secret.TrimStart().StartsWith("@Microsoft.KeyVault(", StringComparison.OrdinalIgnoreCase);

    private sealed record CachedSecret(string Value, DateTimeOffset ExpiresAt)
    {
        public override string ToString() => $"expires {ExpiresAt:O}";
    }
}
