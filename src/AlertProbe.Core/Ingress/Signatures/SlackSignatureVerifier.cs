using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace AlertProbe.Core.Ingress.Signatures;

/// <summary>
/// Slack request signing (v0): <c>X-Slack-Signature: v0=hex(HMAC-SHA256(secret, "v0:" + X-Slack-Request-Timestamp + ":" + rawBody))</c>.
/// Timestamps further than <see cref="MaxSkew"/> from now are refused, so a captured request cannot be replayed later.
/// </summary>
public sealed class SlackSignatureVerifier(TimeProvider timeProvider)
{
    public const string SignatureHeader = "X-Slack-Signature";
    public const string TimestampHeader = "X-Slack-Request-Timestamp";

    /// <summary>Slack's documented replay window.</summary>
    public static TimeSpan MaxSkew { get; } = TimeSpan.FromMinutes(5);

    private const string VersionPrefix = "v0=";

    public SignatureStatus Verify(ReadOnlySpan<byte> body, string? timestamp, string? signature, string signingSecret)
    {
        ArgumentException.ThrowIfNullOrEmpty(signingSecret);
        if (string.IsNullOrEmpty(timestamp) || string.IsNullOrEmpty(signature))
        {
            return SignatureStatus.Missing;
        }

        Span<byte> provided = stackalloc byte[HexDigest.Sha256Length];
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || !signature.StartsWith(VersionPrefix, StringComparison.Ordinal)
            || !HexDigest.TryDecodeSha256(signature.AsSpan(VersionPrefix.Length), provided))
        {
            return SignatureStatus.Malformed;
        }

        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(signingSecret));
        hmac.AppendData(Encoding.ASCII.GetBytes("v0:" + timestamp + ":"));
        hmac.AppendData(body);
        Span<byte> expected = stackalloc byte[HexDigest.Sha256Length];
        hmac.GetHashAndReset(expected);

        if (!CryptographicOperations.FixedTimeEquals(expected, provided))
        {
            return SignatureStatus.Mismatch;
        }

        // Checked after the MAC so a forged timestamp cannot be told apart from a stale genuine one.
        var skew = timeProvider.GetUtcNow().ToUnixTimeSeconds() - seconds;
        return Math.Abs(skew) > MaxSkew.TotalSeconds ? SignatureStatus.Expired : SignatureStatus.Valid;
    }
}
