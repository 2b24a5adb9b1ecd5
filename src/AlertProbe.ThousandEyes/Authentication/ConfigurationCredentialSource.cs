using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace AlertProbe.ThousandEyes.Authentication;

/// <summary>
/// Reads <c>ThousandEyes:BearerToken</c>, or <c>ThousandEyes:Email</c> + <c>ThousandEyes:BasicToken</c>, from
/// configuration (environment, user secrets) on every call, so a configuration reload is picked up.
/// </summary>
public sealed class ConfigurationCredentialSource : ThousandEyesCredentialSource
{
    public const string BearerTokenKey = "BearerToken";
    public const string EmailKey = "Email";
    public const string BasicTokenKey = "BasicToken";

    private readonly IConfiguration _section;
    private readonly ThousandEyesAuthScheme _scheme;

    /// <param name="configuration">The root configuration (the <c>ThousandEyes</c> section is read).</param>
    /// <param name="options">For the auth scheme.</param>
    public ConfigurationCredentialSource(IConfiguration configuration, IOptions<ThousandEyesOptions> options)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(options);
        _section = configuration.GetSection(ThousandEyesOptions.SectionName);
        _scheme = options.Value.AuthScheme;
    }

    public override ValueTask<ThousandEyesCredential> GetCredentialAsync(bool forceRefresh, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(_scheme == ThousandEyesAuthScheme.Bearer
            ? ThousandEyesCredential.Bearer(Read(BearerTokenKey))
            : ThousandEyesCredential.Basic(Read(EmailKey), Read(BasicTokenKey)));
    }

    private string Read(string key) =>
        _section[key] is { Length: > 0 } value && !string.IsNullOrWhiteSpace(value)
            ? value
            : throw new ThousandEyesCredentialException(
                $"{ThousandEyesOptions.SectionName}:{key} is not set (and KeyVault:Uri is not configured)", isTransient: false);
}
