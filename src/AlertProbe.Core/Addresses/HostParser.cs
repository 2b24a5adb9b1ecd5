using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace AlertProbe.Core.Addresses;

/// <summary>
/// The one host canonicaliser: the WHATWG URL standard's host parser for special schemes
/// (https://url.spec.whatwg.org/#host-parsing), which is what browsers and the ThousandEyes page-load and
/// transaction agents use: <c>[…]</c> is IPv6; otherwise percent-decode, map with UTS #46 (full-width forms,
/// ideographic dots, circled digits, case), and a host whose last label is a number is an IPv4 address in any of
/// its number forms (<c>0x7f.1</c>, <c>2130706433</c>, <c>127.1.</c>). Every address-bearing field is read through
/// it, whatever the scheme: agents that are not browsers (curl, getaddrinfo's inet_aton) read the same number forms.
/// <para>
/// Where this is stricter than WHATWG it refuses rather than guesses, and says so: labels must be letters, digits,
/// '-' and '_' (WHATWG takes most punctuation; DNS names do not), labels may not start or end with '-' and may not
/// be empty (.NET's <see cref="IdnMapping"/> applies UTS #46 CheckHyphens and refuses empty labels, which WHATWG
/// does not), and anything the platform cannot map is refused.
/// </para>
/// </summary>
public static class HostParser
{
    // WHATWG "forbidden domain code point", minus what the label rule below refuses anyway.
    private const string ForbiddenDomain = "\0\t\n\r #/:<>?@[\\]^|%\u007f";

    private static readonly SearchValues<char> Forbidden = SearchValues.Create(ForbiddenDomain);

    /// <summary>Canonicalises <paramref name="input"/> (a host as written: no scheme, port or brackets unless IPv6 in brackets).</summary>
    public static bool TryParse(string input, [NotNullWhen(true)] out CanonicalHost? host, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(input);
        host = null;
        if (input.Length == 0)
        {
            error = "the host is empty";
            return false;
        }

        if (input[0] == '[')
        {
            return TryParseBracketed(input, out host, out error);
        }

        var domain = input;
        if (input.Contains('%', StringComparison.Ordinal))
        {
            if (!TryPercentDecode(input, out domain, out error))
            {
                return false;
            }
        }

        if (domain.Any(c => char.IsControl(c) || char.IsWhiteSpace(c)))
        {
            error = $"{Describe(input, domain)} contains whitespace or control characters";
            return false;
        }

        // The platform's IPv6 literal outside brackets ("2001:db8::1" in a bare host field) is read as IPv6.
        if (domain.Contains(':', StringComparison.Ordinal))
        {
            return TryParseIPv6(input, domain, out host, out error);
        }

        string ascii;
        try
        {
            // UTS #46 ToASCII, non-transitional (ß stays ß), as WHATWG "domain to ASCII" asks.
            ascii = new IdnMapping().GetAscii(domain).ToLowerInvariant();
        }
        catch (ArgumentException)
        {
            error = $"{Describe(input, domain)} is not a valid host name (UTS #46 mapping refuses it)";
            return false;
        }

        if (ascii.AsSpan().IndexOfAny(Forbidden) is var at and >= 0)
        {
            error = $"{Describe(input, domain)} contains '{ascii[at]}', which a host cannot contain";
            return false;
        }

        if (WhatwgIPv4.EndsInANumber(ascii))
        {
            if (!WhatwgIPv4.TryParse(ascii, out var v4))
            {
                error = $"{Describe(input, domain)} ends in a number but is not an IPv4 address (each part decimal, 0-octal or 0x-hex; at most four parts; the last fills the remaining bytes)";
                return false;
            }

            host = new CanonicalHost { Kind = HostKind.IPv4, Text = v4.ToString(), Address = v4 };
            error = null;
            return true;
        }

        // A fully qualified name's root label: "example.com." and "example.com" are the same host.
        var name = ascii.EndsWith('.') ? ascii[..^1] : ascii;
        if (!IsHostName(name))
        {
            error = $"{Describe(input, domain)} is not a valid host name (letters, digits, '-' and '_' in dot-separated labels of 1 to 63 characters, not starting or ending with '-')";
            return false;
        }

        host = new CanonicalHost { Kind = HostKind.Domain, Text = name };
        error = null;
        return true;
    }

    private static bool TryParseBracketed(string input, out CanonicalHost? host, out string? error)
    {
        host = null;
        if (input[^1] != ']' || input.Length < 3)
        {
            error = $"'{input}' opens '[' without closing it with ']'";
            return false;
        }

        return TryParseIPv6(input, input[1..^1], out host, out error);
    }

    private static bool TryParseIPv6(string input, string text, out CanonicalHost? host, out string? error)
    {
        host = null;
        if (!WhatwgIPv6.TryParse(text, out var v6))
        {
            error = $"'{input}' is not a valid IPv6 address (no zone ids, no leading zeros in an embedded IPv4 part)";
            return false;
        }

        host = new CanonicalHost { Kind = HostKind.IPv6, Text = WhatwgIPv6.Serialize(v6), Address = v6 };
        error = null;
        return true;
    }

    /// <summary>WHATWG percent-decodes a host before mapping it; the decoded bytes must be UTF-8.</summary>
    private static bool TryPercentDecode(string input, [NotNullWhen(true)] out string? decoded, [NotNullWhen(false)] out string? error)
    {
        decoded = null;
        var bytes = new List<byte>(input.Length);
        for (var i = 0; i < input.Length; i++)
        {
            if (input[i] != '%')
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(input[i].ToString()));
                continue;
            }

            if (i + 2 >= input.Length || !char.IsAsciiHexDigit(input[i + 1]) || !char.IsAsciiHexDigit(input[i + 2]))
            {
                error = $"the host '{Truncate(input)}' is percent-encoded, but '%' is not followed by two hex digits";
                return false;
            }

            bytes.Add(byte.Parse(input.AsSpan(i + 1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
            i += 2;
        }

        try
        {
            decoded = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString([.. bytes]);
        }
        catch (DecoderFallbackException)
        {
            error = $"the host '{Truncate(input)}' is percent-encoded, and its decoded bytes are not UTF-8";
            return false;
        }

        if (decoded.Contains('%', StringComparison.Ordinal) || decoded.Any(c => char.IsControl(c) || ForbiddenDomain.Contains(c, StringComparison.Ordinal)))
        {
            var bad = decoded.First(c => c == '%' || char.IsControl(c) || ForbiddenDomain.Contains(c, StringComparison.Ordinal));
            error = $"the host '{Truncate(input)}' is percent-encoded and decodes to a character a host cannot contain ({Show(bad)})";
            decoded = null;
            return false;
        }

        error = null;
        return true;
    }

    private static bool IsHostName(string ascii) =>
        ascii.Length is > 0 and <= 253
        && ascii.Split('.').All(label =>
            label.Length is > 0 and <= 63
            && label[0] != '-' && label[^1] != '-'
            && label.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '_'));

    private static string Describe(string input, string decoded) =>
        ReferenceEquals(input, decoded) || input == decoded
            ? $"'{Truncate(input)}'"
            : $"'{Truncate(input)}' (percent-decoded '{Truncate(decoded)}')";

    private static string Show(char c) =>
        char.IsControl(c) || char.IsWhiteSpace(c) ? string.Create(CultureInfo.InvariantCulture, $"U+{(int)c:X4}") : $"'{c}'";

    private static string Truncate(string text)
    {
        var shown = new StringBuilder();
        foreach (var c in text.Length > 100 ? text[..100] + "…" : text)
        {
            shown.Append(char.IsControl(c) ? string.Create(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}") : c.ToString());
        }

        return shown.ToString();
    }
}
