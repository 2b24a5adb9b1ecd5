using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;

namespace AlertProbe.ThousandEyes.Authentication;

/// <summary>
/// A ThousandEyes credential. Its values leave this type only as an Authorization header: ToString and the
/// debugger display are redacted, and there are no public getters for the secret parts.
/// </summary>
[DebuggerDisplay("{ToString(),nq}")]
public sealed class ThousandEyesCredential
{
    private readonly string _secret;
    private readonly string? _email;

    private ThousandEyesCredential(ThousandEyesAuthScheme scheme, string secret, string? email)
    {
        Scheme = scheme;
        _secret = secret;
        _email = email;
    }

    public ThousandEyesAuthScheme Scheme { get; }

    public static ThousandEyesCredential Bearer(string token)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(token);
        Errors.SecretRedactor.Remember(token);
        return new ThousandEyesCredential(ThousandEyesAuthScheme.Bearer, token.Trim(), null);
    }

    public static ThousandEyesCredential Basic(string email, string basicToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(email);
        ArgumentException.ThrowIfNullOrWhiteSpace(basicToken);
        Errors.SecretRedactor.Remember(basicToken);
        Errors.SecretRedactor.Remember(Convert.ToBase64String(Encoding.UTF8.GetBytes($"{email.Trim()}:{basicToken.Trim()}")));
        return new ThousandEyesCredential(ThousandEyesAuthScheme.Basic, basicToken.Trim(), email.Trim());
    }

    /// <summary>True when both hold the same secret (so a refresh that returns the same value can be told apart).</summary>
    public bool HasSameSecretAs(ThousandEyesCredential? other) =>
        other is not null && other.Scheme == Scheme && other._secret == _secret && other._email == _email;

    public override string ToString() => $"ThousandEyesCredential({Scheme}, ***)";

    internal AuthenticationHeaderValue ToAuthorizationHeader() => Scheme == ThousandEyesAuthScheme.Bearer
        ? new AuthenticationHeaderValue("Bearer", _secret)
        : new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{_email}:{_secret}")));
}
