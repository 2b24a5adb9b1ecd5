using System.Security.Cryptography;

namespace AlertProbe.Core.Ingress.Signatures;

/// <summary>
/// Microsoft Teams outgoing webhook: <c>Authorization: HMAC base64(HMAC-SHA256(base64-decode(securityToken), rawBody))</c>.
/// Teams sends no timestamp, so there is no replay window to check.
/// </summary>
public sealed class TeamsSignatureVerifier
{
    public const string AuthorizationHeader = "Authorization";

    private const string Scheme = "HMAC ";

    /// <param name="securityToken">The security token Teams showed when the outgoing webhook was created (base64).</param>
    /// <exception cref="FormatException">The configured token is not base64 (a configuration error, not a request error).</exception>
    public SignatureStatus Verify(ReadOnlySpan<byte> body, string? authorization, string securityToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(securityToken);
        if (string.IsNullOrEmpty(authorization))
        {
            return SignatureStatus.Missing;
        }

        Span<byte> provided = stackalloc byte[HexDigest.Sha256Length];
        if (!authorization.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase)
            || !Convert.TryFromBase64String(authorization[Scheme.Length..].Trim(), provided, out var written)
            || written != HexDigest.Sha256Length)
        {
            return SignatureStatus.Malformed;
        }

        var key = DecodeSecurityToken(securityToken);
        Span<byte> expected = stackalloc byte[HexDigest.Sha256Length];
        HMACSHA256.HashData(key, body, expected);
        return CryptographicOperations.FixedTimeEquals(expected, provided) ? SignatureStatus.Valid : SignatureStatus.Mismatch;
    }

    /// <summary>True when <paramref name="securityToken"/> is usable as a key (options validation uses this).</summary>
    public static bool IsValidSecurityToken(string? securityToken)
    {
        if (string.IsNullOrWhiteSpace(securityToken))
        {
            return false;
        }

        var buffer = new byte[securityToken.Length];
        return Convert.TryFromBase64String(securityToken, buffer, out var written) && written > 0;
    }

    private static byte[] DecodeSecurityToken(string securityToken)
    {
        try
        {
            return Convert.FromBase64String(securityToken);
        }
        catch (FormatException)
        {
            // Never echo the token itself.
            throw new FormatException("The Teams outgoing webhook security token is not valid base64; copy it again from Teams.");
        }
    }
}
