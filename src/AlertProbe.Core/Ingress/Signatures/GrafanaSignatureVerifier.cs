using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace AlertProbe.Core.Ingress.Signatures;

/// <summary>
/// Grafana webhook contact point HMAC (<c>hmac_config</c>): the signature header carries
/// hex(HMAC-SHA256(secret, body)); when a timestamp header is configured it carries unix seconds and the signature
/// covers <c>timestamp + ":" + body</c>, and timestamps outside the replay window are refused.
/// </summary>
public sealed class GrafanaSignatureVerifier(TimeProvider timeProvider)
{
    /// <param name="timestamp">The timestamp header's value, or null when no timestamp header is configured.</param>
    /// <param name="timestampRequired">Whether a timestamp header is configured (then its absence is <see cref="SignatureStatus.Missing"/>).</param>
    public SignatureStatus Verify(
        ReadOnlySpan<byte> body,
        string? signature,
        string? timestamp,
        bool timestampRequired,
        string signingSecret,
        TimeSpan maxSkew)
    {
        ArgumentException.ThrowIfNullOrEmpty(signingSecret);
        if (string.IsNullOrWhiteSpace(signature) || (timestampRequired && string.IsNullOrEmpty(timestamp)))
        {
            return SignatureStatus.Missing;
        }

        Span<byte> provided = stackalloc byte[HexDigest.Sha256Length];
        if (!HexDigest.TryDecodeSha256(signature.AsSpan().Trim(), provided))
        {
            return SignatureStatus.Malformed;
        }

        long seconds = 0;
        if (timestampRequired && !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out seconds))
        {
            return SignatureStatus.Malformed;
        }

        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(signingSecret));
        if (timestampRequired)
        {
            hmac.AppendData(Encoding.ASCII.GetBytes(timestamp + ":"));
        }

        hmac.AppendData(body);
        Span<byte> expected = stackalloc byte[HexDigest.Sha256Length];
        hmac.GetHashAndReset(expected);

        if (!CryptographicOperations.FixedTimeEquals(expected, provided))
        {
            return SignatureStatus.Mismatch;
        }

        if (!timestampRequired)
        {
            return SignatureStatus.Valid;
        }

        var skew = timeProvider.GetUtcNow().ToUnixTimeSeconds() - seconds;
        return Math.Abs(skew) > maxSkew.TotalSeconds ? SignatureStatus.Expired : SignatureStatus.Valid;
    }
}
