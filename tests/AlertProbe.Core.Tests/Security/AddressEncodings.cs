using System.Globalization;
using System.Net;
using System.Text;

namespace AlertProbe.Core.Tests.Security;

/// <summary>
/// Spellings of one address that a WHATWG URL parser (https://url.spec.whatwg.org/#host-parsing) reads as that
/// address: the IPv4 number forms of its IPv4 parser (one to four parts; decimal, 0-octal, 0x-hex; one trailing dot),
/// UTS #46 mappings applied before it (full-width digits and letters, ideographic and half-width full stops, circled
/// digits), percent-encoding of the host (decoded first), and the IPv6 forms that carry an IPv4 address (RFC 4291
/// mapped and compatible, RFC 2765 translated, RFC 6052 NAT64, RFC 3056 6to4, RFC 4380 Teredo). Built from a seed so a
/// failing case can be replayed.
/// </summary>
internal static class AddressEncodings
{
    private static readonly string[] Dots = [".", "\u3002", "\uFF0E", "\uFF61"];

    /// <summary>An IPv4 host spelling of <paramref name="address"/>.</summary>
    public static string IPv4(uint address, int seed)
    {
        var random = new Random(seed);
        var parts = random.Next(1, 5);
        var numbers = parts switch
        {
            1 => new ulong[] { address },
            2 => [address >> 24, address & 0xFFFFFF],
            3 => [address >> 24, (address >> 16) & 0xFF, address & 0xFFFF],
            _ => [address >> 24, (address >> 16) & 0xFF, (address >> 8) & 0xFF, address & 0xFF],
        };
        var text = new StringBuilder();
        var dot = random.Next(3) == 0 ? Dots[random.Next(Dots.Length)] : null;
        for (var i = 0; i < numbers.Length; i++)
        {
            if (i > 0)
            {
                text.Append(dot ?? Dots[random.Next(4) == 0 ? random.Next(Dots.Length) : 0]);
            }

            text.Append(Number(numbers[i], random));
        }

        if (random.Next(3) == 0)
        {
            text.Append(dot ?? ".");
        }

        return Unicode(text.ToString(), random);
    }

    /// <summary>An IPv6 host (in brackets) that embeds <paramref name="address"/>.</summary>
    public static string IPv6Embedding(uint address, int seed)
    {
        var random = new Random(seed);
        var v4 = new[] { (byte)(address >> 24), (byte)(address >> 16), (byte)(address >> 8), (byte)address };
        var bytes = new byte[16];
        var dotted = false;
        switch (random.Next(8))
        {
            case 0: // ::ffff:a.b.c.d
                bytes[10] = bytes[11] = 0xff;
                v4.CopyTo(bytes, 12);
                dotted = random.Next(2) == 0;
                break;
            case 1: // ::ffff:0:a.b.c.d
                bytes[8] = bytes[9] = 0xff;
                v4.CopyTo(bytes, 12);
                dotted = random.Next(2) == 0;
                break;
            case 2: // ::a.b.c.d
                v4.CopyTo(bytes, 12);
                dotted = random.Next(2) == 0;
                break;
            case 3: // 64:ff9b::a.b.c.d
                bytes[1] = 0x64;
                bytes[2] = 0xff;
                bytes[3] = 0x9b;
                v4.CopyTo(bytes, 12);
                dotted = random.Next(2) == 0;
                break;
            case 4: // 64:ff9b:1::/48 with the /96 position
                bytes[1] = 0x64;
                bytes[2] = 0xff;
                bytes[3] = 0x9b;
                bytes[5] = 1;
                v4.CopyTo(bytes, 12);
                break;
            case 5: // 2002:V4ADDR::/48, any subnet and interface
                bytes[0] = 0x20;
                bytes[1] = 0x02;
                v4.CopyTo(bytes, 2);
                random.NextBytes(bytes.AsSpan(6));
                break;
            case 6: // Teredo 2001:0:SERVER::, any client
                bytes[0] = 0x20;
                bytes[1] = 0x01;
                v4.CopyTo(bytes, 4);
                random.NextBytes(bytes.AsSpan(8));
                break;
            default: // Teredo client: 2001:0:(public server):flags:port:~CLIENT
                bytes[0] = 0x20;
                bytes[1] = 0x01;
                new byte[] { 65, 54, 227, 120 }.CopyTo(bytes, 4);
                random.NextBytes(bytes.AsSpan(8, 4));
                for (var i = 0; i < 4; i++)
                {
                    bytes[12 + i] = (byte)~v4[i];
                }

                break;
        }

        return $"[{IPv6Text(bytes, dotted, random)}]";
    }

    /// <summary>A domain-name spelling of <paramref name="name"/> (ASCII): case, full-width letters, other dots, a trailing dot, percent-encoding.</summary>
    public static string Name(string name, int seed)
    {
        var random = new Random(seed);
        var text = new StringBuilder();
        foreach (var c in name)
        {
            text.Append(c == '.' ? Dots[random.Next(Dots.Length)] : random.Next(2) == 0 ? char.ToUpperInvariant(c).ToString() : c.ToString());
        }

        if (random.Next(3) == 0)
        {
            text.Append('.');
        }

        return Unicode(text.ToString(), random);
    }

    public static uint ToUInt(IPAddress address)
    {
        var b = address.GetAddressBytes();
        return ((uint)b[0] << 24) | ((uint)b[1] << 16) | ((uint)b[2] << 8) | b[3];
    }

    private static string Number(ulong value, Random random) => random.Next(3) switch
    {
        0 => value.ToString(CultureInfo.InvariantCulture),
        1 => "0" + new string('0', random.Next(3)) + Convert.ToString((long)value, 8),
        _ => (random.Next(2) == 0 ? "0x" : "0X") + new string('0', random.Next(3))
             + (random.Next(2) == 0 ? value.ToString("x", CultureInfo.InvariantCulture) : value.ToString("X", CultureInfo.InvariantCulture)),
    };

    /// <summary>UTS #46 variants of ASCII characters, then maybe percent-encoding of some characters.</summary>
    private static string Unicode(string text, Random random)
    {
        var mode = random.Next(4);
        var mapped = new StringBuilder();
        foreach (var c in text)
        {
            var r = random.Next(3);
            mapped.Append(mode switch
            {
                1 or 3 when r == 0 && c is >= '0' and <= '9' => ((char)('\uFF10' + (c - '0'))).ToString(),
                1 or 3 when r == 0 && char.IsAsciiLetter(c) => ((char)((char.IsAsciiLetterUpper(c) ? '\uFF21' : '\uFF41') + (char.ToLowerInvariant(c) - 'a'))).ToString(),
                2 or 3 when r == 1 && c is >= '1' and <= '9' => ((char)('\u2460' + (c - '1'))).ToString(),
                _ => c.ToString(),
            });
        }

        if (random.Next(3) != 0)
        {
            return mapped.ToString();
        }

        var encoded = new StringBuilder();
        Span<byte> utf8 = stackalloc byte[4];
        foreach (var rune in mapped.ToString().EnumerateRunes())
        {
            if (random.Next(2) == 0)
            {
                encoded.Append(rune.ToString());
                continue;
            }

            var length = rune.EncodeToUtf8(utf8);
            foreach (var b in utf8[..length])
            {
                encoded.Append(CultureInfo.InvariantCulture, $"%{b:X2}");
            }
        }

        return encoded.ToString();
    }

    private static string IPv6Text(byte[] bytes, bool dottedTail, Random random)
    {
        var pieces = Enumerable.Range(0, 8).Select(i => (bytes[2 * i] << 8) | bytes[(2 * i) + 1]).ToList();
        var groups = pieces.Take(dottedTail ? 6 : 8)
            .Select(p => (random.Next(3) == 0 ? p.ToString("x4", CultureInfo.InvariantCulture) : p.ToString("x", CultureInfo.InvariantCulture)))
            .Select(g => random.Next(2) == 0 ? g.ToUpperInvariant() : g)
            .ToList();
        if (dottedTail)
        {
            groups.Add($"{bytes[12]}.{bytes[13]}.{bytes[14]}.{bytes[15]}");
        }

        // Compress the longest run of zero groups ("0"/"0000") when asked to.
        if (random.Next(3) != 0)
        {
            var (start, length) = (-1, 0);
            for (var i = 0; i < groups.Count; i++)
            {
                var run = 0;
                while (i + run < groups.Count && groups[i + run].Trim('0').Length == 0 && !groups[i + run].Contains('.', StringComparison.Ordinal))
                {
                    run++;
                }

                if (run > length)
                {
                    (start, length) = (i, run);
                }
            }

            if (length >= 2)
            {
                var head = string.Join(':', groups.Take(start));
                var tail = string.Join(':', groups.Skip(start + length));
                return $"{head}::{tail}";
            }
        }

        return string.Join(':', groups);
    }
}
