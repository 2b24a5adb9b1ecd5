using System.Buffers;

namespace AlertProbe.Core.Ingress.Signatures;

/// <summary>A hex-encoded SHA-256 digest as the senders put it in headers.</summary>
internal static class HexDigest
{
    public const int Sha256Length = 32;

    /// <summary>Decodes exactly 64 hex characters (either case) into <paramref name="digest"/>.</summary>
    public static bool TryDecodeSha256(ReadOnlySpan<char> hex, Span<byte> digest)
    {
        if (hex.Length != Sha256Length * 2 || digest.Length != Sha256Length)
        {
            return false;
        }

        return Convert.FromHexString(hex, digest, out _, out var written) == OperationStatus.Done && written == Sha256Length;
    }
}
