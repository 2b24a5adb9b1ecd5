using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;
using System.Text;

namespace AlertProbe.Core.Addresses;

/// <summary>
/// The WHATWG URL standard's IPv6 parser and serialiser (https://url.spec.whatwg.org/#concept-ipv6-parser).
/// <see cref="IPAddress.TryParse(string, out IPAddress)"/> is not used to parse: it accepts zone ids
/// (<c>fe80::1%25eth0</c>), prefix-like suffixes and leading zeros in an embedded IPv4 part, none of which a browser
/// accepts; its <c>ToString</c> also prints embedded IPv4 in dotted form where the standard prints hex.
/// </summary>
internal static class WhatwgIPv6
{
    public static bool TryParse(string input, [NotNullWhen(true)] out IPAddress? address)
    {
        address = null;
        var pieces = new ushort[8];
        var pieceIndex = 0;
        int? compress = null;
        var p = 0;
        char C(int at) => at < input.Length ? input[at] : '\0';
        bool End(int at) => at >= input.Length;

        if (C(p) == ':')
        {
            if (C(p + 1) != ':')
            {
                return false;
            }

            p += 2;
            pieceIndex++;
            compress = pieceIndex;
        }

        while (!End(p))
        {
            if (pieceIndex == 8)
            {
                return false;
            }

            if (C(p) == ':')
            {
                if (compress is not null)
                {
                    return false;
                }

                p++;
                pieceIndex++;
                compress = pieceIndex;
                continue;
            }

            var value = 0;
            var length = 0;
            while (length < 4 && !End(p) && char.IsAsciiHexDigit(C(p)))
            {
                value = (value * 16) + int.Parse(C(p).ToString(), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                p++;
                length++;
            }

            if (C(p) == '.' && !End(p))
            {
                if (length == 0 || pieceIndex > 6)
                {
                    return false;
                }

                p -= length;
                var numbersSeen = 0;
                while (!End(p))
                {
                    int? ipv4Piece = null;
                    if (numbersSeen > 0)
                    {
                        if (C(p) == '.' && numbersSeen < 4)
                        {
                            p++;
                        }
                        else
                        {
                            return false;
                        }
                    }

                    if (End(p) || !char.IsAsciiDigit(C(p)))
                    {
                        return false;
                    }

                    while (!End(p) && char.IsAsciiDigit(C(p)))
                    {
                        var number = C(p) - '0';
                        if (ipv4Piece is null)
                        {
                            ipv4Piece = number;
                        }
                        else if (ipv4Piece == 0)
                        {
                            return false;
                        }
                        else
                        {
                            ipv4Piece = (ipv4Piece * 10) + number;
                        }

                        if (ipv4Piece > 255)
                        {
                            return false;
                        }

                        p++;
                    }

                    pieces[pieceIndex] = (ushort)((pieces[pieceIndex] * 0x100) + ipv4Piece!.Value);
                    numbersSeen++;
                    if (numbersSeen is 2 or 4)
                    {
                        pieceIndex++;
                    }
                }

                if (numbersSeen != 4)
                {
                    return false;
                }

                break;
            }

            if (C(p) == ':' && !End(p))
            {
                p++;
                if (End(p))
                {
                    return false;
                }
            }
            else if (!End(p))
            {
                return false;
            }

            pieces[pieceIndex] = (ushort)value;
            pieceIndex++;
        }

        if (compress is { } start)
        {
            var swaps = pieceIndex - start;
            pieceIndex = 7;
            while (pieceIndex != 0 && swaps > 0)
            {
                (pieces[pieceIndex], pieces[start + swaps - 1]) = (pieces[start + swaps - 1], pieces[pieceIndex]);
                pieceIndex--;
                swaps--;
            }
        }
        else if (pieceIndex != 8)
        {
            return false;
        }

        var bytes = new byte[16];
        for (var i = 0; i < 8; i++)
        {
            bytes[2 * i] = (byte)(pieces[i] >> 8);
            bytes[(2 * i) + 1] = (byte)pieces[i];
        }

        address = new IPAddress(bytes);
        return true;
    }

    /// <summary>Lower-case hex pieces, the first longest run of two or more zero pieces compressed to "::".</summary>
    public static string Serialize(IPAddress address)
    {
        var bytes = address.GetAddressBytes();
        var pieces = Enumerable.Range(0, 8).Select(i => (bytes[2 * i] << 8) | bytes[(2 * i) + 1]).ToArray();
        int? compress = null;
        var best = 1;
        for (var i = 0; i < 8;)
        {
            if (pieces[i] != 0)
            {
                i++;
                continue;
            }

            var run = 0;
            while (i + run < 8 && pieces[i + run] == 0)
            {
                run++;
            }

            if (run > best)
            {
                best = run;
                compress = i;
            }

            i += run;
        }

        var text = new StringBuilder();
        var ignore0 = false;
        for (var i = 0; i < 8; i++)
        {
            if (ignore0 && pieces[i] == 0)
            {
                continue;
            }

            ignore0 = false;
            if (compress == i)
            {
                text.Append(i == 0 ? "::" : ":");
                ignore0 = true;
                continue;
            }

            text.Append(pieces[i].ToString("x", CultureInfo.InvariantCulture));
            if (i != 7)
            {
                text.Append(':');
            }
        }

        return text.ToString();
    }
}
