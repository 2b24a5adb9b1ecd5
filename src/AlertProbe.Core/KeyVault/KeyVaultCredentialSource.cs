using AlertProbe.Core.AzureSdk;
using AlertProbe.ThousandEyes;
using AlertProbe.ThousandEyes.Authentication;
using Azure;
using Azure.Identity;
using Azure.Security.KeyVault.Secrets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AlertProbe.Core.KeyVault;

/// <summary>
/// Reads the credential from Key Vault and keeps it for <see cref="KeyVaultOptions.SecretCacheLifetime"/>. Reading
/// in code (not through app-setting Key Vault references, refreshed only within 24 h) lets a 401 pick up a
/// rotated token at once.
/// </summary>
public sealed partial class KeyVaultCredentialSource : ThousandEyesCredentialSource, IDisposable
{
    private readonly SecretClient _secrets;
    private readonly KeyVaultOptions _vault;
    private readonly ThousandEyesAuthScheme _scheme;
    private readonly TimeProvider _time;
    private readonly ILogger<KeyVaultCredentialSource> _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private (ThousandEyesCredential Credential, DateTimeOffset ExpiresAt)? _cached;

    public KeyVaultCredentialSource(
        SecretClient secrets,
        IOptions<KeyVaultOptions> vault,
        IOptions<ThousandEyesOptions> thousandEyes,
        TimeProvider time,
        ILogger<KeyVaultCredentialSource> logger)
    {
        ArgumentNullException.ThrowIfNull(secrets);
        ArgumentNullException.ThrowIfNull(vault);
        ArgumentNullException.ThrowIfNull(thousandEyes);
        _secrets = secrets;
        _vault = vault.Value;
        _scheme = thousandEyes.Value.AuthScheme;
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    public override async ValueTask<ThousandEyesCredential> GetCredentialAsync(bool forceRefresh, CancellationToken cancellationToken)
    {
        if (!forceRefresh && Fresh() is { } cached)
        {
            return cached;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Another caller may have refreshed while this one waited.
            if (!forceRefresh && Fresh() is { } refreshed)
            {
                return refreshed;
            }

            var credential = _scheme == ThousandEyesAuthScheme.Bearer
                ? ThousandEyesCredential.Bearer(await ReadAsync(_vault.BearerTokenSecretName, cancellationToken).ConfigureAwait(false))
                : ThousandEyesCredential.Basic(
                    await ReadAsync(_vault.EmailSecretName, cancellationToken).ConfigureAwait(false),
                    await ReadAsync(_vault.BasicTokenSecretName, cancellationToken).ConfigureAwait(false));
            _cached = (credential, _time.GetUtcNow() + _vault.SecretCacheLifetime);
            LogCredentialRead(_logger, "Key Vault", _scheme, forceRefresh);
            return credential;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    private ThousandEyesCredential? Fresh() =>
        _cached is { } entry && _time.GetUtcNow() < entry.ExpiresAt ? entry.Credential : null;

    private async Task<string> ReadAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            var secret = await _secrets.GetSecretAsync(name, version: null, cancellationToken).ConfigureAwait(false);
            return string.IsNullOrWhiteSpace(secret.Value?.Value)
                ? throw new ThousandEyesCredentialException($"Key Vault secret '{name}' is empty.", isTransient: false)
                : secret.Value.Value;
        }
        catch (Exception failure) when (AzureSdkFailure.AsRequestFailed(failure) is { } ex)
        {
            // The exception's own message is not passed on: it quotes the service response. No answer at all (Key Vault
            // unreachable) comes as the retries' AggregateException, read here as its last try (status 0).
            var (reason, transient) = ex.Status switch
            {
                404 => ($"Key Vault secret '{name}' was not found", false),
                401 or 403 => ($"reading Key Vault secret '{name}' was refused (status {ex.Status}); the identity needs the 'Key Vault Secrets User' role", false),
                0 or 408 or 429 or >= 500 => ($"Key Vault did not answer for secret '{name}' (status {ex.Status})", true),
                _ => ($"reading Key Vault secret '{name}' failed (status {ex.Status})", false),
            };
            throw new ThousandEyesCredentialException(reason, transient, ex);
        }
        catch (AuthenticationFailedException ex)
        {
            throw new ThousandEyesCredentialException($"could not authenticate to Key Vault to read secret '{name}'", isTransient: false, ex);
        }
    }

    // Event 6 and its text are kept from when this source lived in the client library (dashboards may filter on them).
    [LoggerMessage(EventId = 6, Level = LogLevel.Information, Message = "ThousandEyes {Scheme} credential read from {Source} (forced refresh: {Forced})")]
    private static partial void LogCredentialRead(ILogger logger, string source, ThousandEyesAuthScheme scheme, bool forced);
}
