using System.Security.Cryptography;
using System.Text;

namespace AlertProbe.Core.Ingress.Signatures;

/// <summary>
/// PagerDuty v3 webhooks: <c>X-PagerDuty-Signature: v1=hex[,v1=hex…]</c>, each an HMAC-SHA256 of the raw body. Several
/// signatures appear while a subscription's secret is rotated; one match is enough. Entries of other versions are ignored.
/// </summary>
public sealed class PagerDutySignatureVerifier
{
    public const string SignatureHeader = "X-PagerDuty-Signature";

    /// <summary>PagerDuty's delivery id: identical on every retry of one delivery.</summary>
    public const string WebhookIdHeader = "X-Webhook-Id";

    private const string VersionPrefix = "v1=";

    public SignatureStatus Verify(ReadOnlySpan<byte> body, string? signatureHeader, string signingSecret)
    {
        ArgumentException.ThrowIfNullOrEmpty(signingSecret);
        if (string.IsNullOrWhiteSpace(signatureHeader))
        {
            return SignatureStatus.Missing;
        }

        Span<byte> expected = stackalloc byte[HexDigest.Sha256Length];
        HMACSHA256.HashData(Encoding.UTF8.GetBytes(signingSecret), body, expected);

        Span<byte> provided = stackalloc byte[HexDigest.Sha256Length];
        var wellFormed = 0;
        var matched = false;
        foreach (var range in signatureHeader.AsSpan().Split(','))
        {
            var entry = signatureHeader.AsSpan(range).Trim();
            if (!entry.StartsWith(VersionPrefix, StringComparison.Ordinal) || !HexDigest.TryDecodeSha256(entry[VersionPrefix.Length..], provided))
            {
                continue;
            }

            wellFormed++;
            // No early exit: every candidate costs the same.
            matched |= CryptographicOperations.FixedTimeEquals(expected, provided);
        }

        if (wellFormed == 0)
        {
            return SignatureStatus.Malformed;
        }

        return matched ? SignatureStatus.Valid : SignatureStatus.Mismatch;
    }
}
