using System.Security.Cryptography;
using System.Text;

namespace AlertProbe.Core.Ledger.Storage;

/// <summary>
/// Makes any string usable as a Table Storage partition or row key. Table keys forbid '/', '\', '#', '?' and
/// control characters and are limited to 1 KiB; other characters ('%', '+', quotes) are known to trip up
/// emulators and URL handling. A short value of only safe characters is used as is; anything else becomes
/// <c>~</c> + its SHA-256 (hex), and the entity keeps the original in a property.
/// </summary>
public static class LedgerKey
{
    private const int MaxPlainLength = 200;
    private const char DigestMarker = '~';

    public static string Encode(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return IsPlain(value) ? value : DigestMarker + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));
    }

    private static bool IsPlain(string value)
    {
        if (value.Length is 0 or > MaxPlainLength)
        {
            return false;
        }

        foreach (var c in value)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':' or '@' or '='))
            {
                return false;
            }
        }

        return true;
    }
}
