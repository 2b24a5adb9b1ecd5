using AlertProbe.ThousandEyes;
using AlertProbe.ThousandEyes.Authentication;
using Azure;
using Azure.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AlertProbe.Core.KeyVault;

/// <summary>
/// Reads the credential from Key Vault through the app's one <see cref="KeyVaultSecretCache"/>, reusing a value for
/// <see cref="KeyVaultOptions.SecretCacheLifetime"/>. Reading in code (not through app-setting Key Vault references,
/// refreshed only within 24 h) lets a 401 pick up a rotated token at once.
/// </summary>
public sealed partial class KeyVaultCredentialSource : ThousandEyesCredentialSource, IDisposable
{
    private readonly KeyVaultSecretCache _secrets;
    private readonly KeyVaultOptions _vault;
    private readonly ThousandEyesAuthScheme _scheme;
    private readonly ILogger<KeyVaultCredentialSource> _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);

    public KeyVaultCredentialSource(
        KeyVaultSecretCache secrets,
        IOptions<KeyVaultOptions> vault,
        IOptions<ThousandEyesOptions> thousandEyes,
        ILogger<KeyVaultCredentialSource> logger)
    {
        ArgumentNullException.ThrowIfNull(secrets);
        ArgumentNullException.ThrowIfNull(vault);
        ArgumentNullException.ThrowIfNull(thousandEyes);
        _secrets = secrets;
        _vault = vault.Value;
        _scheme = thousandEyes.Value.AuthScheme;
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    public override async ValueTask<ThousandEyesCredential> GetCredentialAsync(bool forceRefresh, CancellationToken cancellationToken)
    {
        // One reader at a time: callers meeting an expired value wait for the first one's read instead of all asking.
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var read = false;
            async Task<string> Read(string name)
            {
                var (value, fromCache) = await ReadAsync(name, forceRefresh, cancellationToken).ConfigureAwait(false);
                read |= !fromCache;
                return value;
            }

            var credential = _scheme == ThousandEyesAuthScheme.Bearer
                ? ThousandEyesCredential.Bearer(await Read(_vault.BearerTokenSecretName).ConfigureAwait(false))
                : ThousandEyesCredential.Basic(
                    await Read(_vault.EmailSecretName).ConfigureAwait(false),
                    await Read(_vault.BasicTokenSecretName).ConfigureAwait(false));
            if (read)
            {
                LogCredentialRead(_logger, "Key Vault", _scheme, forceRefresh);
            }

            return credential;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    private async Task<(string Value, bool FromCache)> ReadAsync(string name, bool forceRefresh, CancellationToken cancellationToken)
    {
        try
        {
            var secret = await _secrets.GetAsync(name, _vault.SecretCacheLifetime, forceRefresh, cancellationToken).ConfigureAwait(false);
            return string.IsNullOrWhiteSpace(secret.Value)
                ? throw new ThousandEyesCredentialException($"Key Vault secret '{name}' is empty.", isTransient: false)
                : (secret.Value, secret.FromCache);
        }
        catch (RequestFailedException ex)
        {
            // The exception's own message is not passed on: it quotes the service response. No answer at all (Key Vault
            // unreachable) is status 0.
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
