using System.Diagnostics.CodeAnalysis;
using System.Net;

namespace AlertProbe.Core.Addresses;

/// <summary>
/// The WHATWG URL standard's IPv4 parser (https://url.spec.whatwg.org/#concept-ipv4-parser): one to four parts,
/// each decimal, octal (leading 0) or hex (0x), the last filling the remaining bytes, one trailing dot allowed.
/// <see cref="IPAddress.TryParse(string, out IPAddress)"/> reads the same number forms but refuses the trailing
/// dot, which is why it is not used alone.
/// </summary>
internal static class WhatwgIPv4
{
    /// <summary>The standard's "ends in a number" check: should this (ASCII) host be parsed as IPv4?</summary>
    public static bool EndsInANumber(string host)
    {
        var parts = host.Split('.');
        var last = parts[^1];
        if (last.Length == 0)
        {
            if (parts.Length == 1)
            {
                return false;
            }

            last = parts[^2];
        }

        return (last.Length > 0 && last.All(char.IsAsciiDigit)) || TryParseNumber(last, out _);
    }

    public static bool TryParse(string host, [NotNullWhen(true)] out IPAddress? address)
    {
        address = null;
        var parts = host.Split('.').ToList();
        if (parts[^1].Length == 0 && parts.Count > 1)
        {
            parts.RemoveAt(parts.Count - 1);
        }

        if (parts.Count > 4)
        {
            return false;
        }

        var numbers = new List<ulong>(parts.Count);
        foreach (var part in parts)
        {
            if (!TryParseNumber(part, out var number))
            {
                return false;
            }

            numbers.Add(number);
        }

        if (numbers.Take(numbers.Count - 1).Any(n => n > 255) || numbers[^1] >= 1UL << (8 * (5 - numbers.Count)))
        {
            return false;
        }

        var value = numbers[^1];
        for (var i = 0; i < numbers.Count - 1; i++)
        {
            value += numbers[i] << (8 * (3 - i));
        }

        address = new IPAddress([(byte)(value >> 24), (byte)(value >> 16), (byte)(value >> 8), (byte)value]);
        return true;
    }

    /// <summary>One part: "0x…" hex, "0…" octal, else decimal; an empty remainder ("0x") is 0. Too large is a failure.</summary>
    private static bool TryParseNumber(string text, out ulong number)
    {
        number = 0;
        if (text.Length == 0)
        {
            return false;
        }

        var radix = 10;
        if (text.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            radix = 16;
            text = text[2..];
        }
        else if (text.Length > 1 && text[0] == '0')
        {
            radix = 8;
            text = text[1..];
        }

        foreach (var c in text)
        {
            var digit = c switch
            {
                >= '0' and <= '9' => c - '0',
                >= 'a' and <= 'f' => c - 'a' + 10,
                >= 'A' and <= 'F' => c - 'A' + 10,
                _ => int.MaxValue,
            };
            if (digit >= radix)
            {
                return false;
            }

            // Anything past 2^32 is refused by the caller anyway; stop before ulong overflows.
            number = (number * (ulong)radix) + (ulong)digit;
            if (number > uint.MaxValue)
            {
                number = ulong.MaxValue;
                return TrySaturate(text, radix);
            }
        }

        return true;
    }

    // A number too large for an IPv4 address is still a number (so the host "ends in a number" and fails as IPv4
    // rather than passing as a domain): report success with a value no caller accepts, if the digits are valid.
    private static bool TrySaturate(string text, int radix) =>
        text.All(c => radix == 16 ? char.IsAsciiHexDigit(c) : radix == 8 ? c is >= '0' and <= '7' : char.IsAsciiDigit(c));
}
