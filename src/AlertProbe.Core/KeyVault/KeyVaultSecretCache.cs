using System.Collections.Concurrent;
using AlertProbe.Core.AzureSdk;
using Azure.Security.KeyVault.Secrets;

namespace AlertProbe.Core.KeyVault;

/// <summary>
/// The app's one cache of Key Vault secrets, over its one <see cref="SecretClient"/>: the ThousandEyes credential
/// source, the ingress signing secrets and the write-back tokens all read through it, so a secret rotated and re-read
/// by one is seen by all. Each caller says how old a value it accepts (its own cache-lifetime setting). Failures are
/// the SDK's RequestFailedException, passed on for each caller to word for its own outcome — also when the vault gave no
/// answer at all, which the SDK throws as an AggregateException of its tries (<see cref="AzureSdkFailure"/>).
/// </summary>
public sealed class KeyVaultSecretCache
{
    private readonly SecretClient? _client;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, (string Value, DateTimeOffset ReadAt)> _values = new(StringComparer.Ordinal);

    /// <param name="client">The vault's client; null when no vault is configured (<see cref="IsConfigured"/> false).</param>
    /// <param name="time">The clock the ages are measured with.</param>
    public KeyVaultSecretCache(SecretClient? client, TimeProvider time)
    {
        _client = client;
        _time = time ?? throw new ArgumentNullException(nameof(time));
    }

    /// <summary>Whether a vault is configured (<c>KeyVault:Uri</c>, or a feature's own vault setting).</summary>
    public bool IsConfigured => _client is not null;

    /// <summary>
    /// The secret's value: the cached one when it was read less than <paramref name="maxAge"/> ago and no
    /// <paramref name="forceRefresh"/> is asked, else a fresh read. Blank values are returned but never cached.
    /// </summary>
    public async ValueTask<KeyVaultSecretRead> GetAsync(string name, TimeSpan maxAge, bool forceRefresh, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        var client = _client ?? throw new InvalidOperationException($"Secret '{name}' is to be read from Key Vault, but no vault is configured (KeyVault:Uri).");
        var now = _time.GetUtcNow();
        if (!forceRefresh && _values.TryGetValue(name, out var cached) && now < cached.ReadAt + maxAge)
        {
            return new KeyVaultSecretRead(cached.Value, FromCache: true);
        }

        Azure.Response<KeyVaultSecret> response;
        try
        {
            response = await client.GetSecretAsync(name, version: null, cancellationToken).ConfigureAwait(false);
        }
        catch (AggregateException tries) when (AzureSdkFailure.AsRequestFailed(tries) is { } last)
        {
            throw AzureSdkFailure.Single(tries, last);
        }

        var value = response.Value?.Value;
        if (!string.IsNullOrWhiteSpace(value))
        {
            _values[name] = (value, now);
        }

        return new KeyVaultSecretRead(value, FromCache: false);
    }
}

/// <summary>A secret's value (null or blank when the vault holds an empty one) and whether it came from the cache.</summary>
public readonly record struct KeyVaultSecretRead(string? Value, bool FromCache)
{
    public override string ToString() => FromCache ? "cached" : "read";
}
