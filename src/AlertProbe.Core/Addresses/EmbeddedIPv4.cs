using System.Net;

namespace AlertProbe.Core.Addresses;

/// <summary>
/// An IPv4 address carried inside an IPv6 address, and how. Packets to such an IPv6 address end up at (or are relayed
/// through) the IPv4 host, so a policy that refuses the IPv4 address must refuse its IPv6 spellings too.
/// </summary>
/// <param name="Address">The embedded IPv4 address.</param>
/// <param name="How">The embedding, as a reason names it ("IPv4-mapped", "NAT64 well-known prefix", …).</param>
/// <param name="IsSameHost">
/// True when the IPv6 address is just another name for the IPv4 host (mapped, translated, compatible, NAT64), so an
/// allow list holding the IPv4 address allows it; false when the IPv6 address is a host of its own reached through
/// the IPv4 one (6to4, Teredo, ISATAP), which only a denial carries over.
/// </param>
public sealed record EmbeddedIPv4(IPAddress Address, string How, bool IsSameHost)
{
    // RFC 4291 2.5.5.2 (mapped), RFC 2765 2.1 (translated), RFC 4291 2.5.5.1 (compatible, deprecated),
    // RFC 6052 2.1 (NAT64 well-known prefix 64:ff9b::/96), RFC 8215 (local-use 64:ff9b:1::/48),
    // RFC 3056 2 (6to4 2002::/16), RFC 4380 4 (Teredo 2001::/32), RFC 5214 6.1 (ISATAP interface ids).
    // Prefixes as bytes: IPNetwork.Contains maps ::ffff:a.b.c.d to IPv4 before comparing, so it cannot find them.
    private static readonly Prefix Mapped = new([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff], 96);
    private static readonly Prefix Translated = new([0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 0, 0], 96);
    private static readonly Prefix Compatible = new([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], 96);
    private static readonly Prefix Nat64WellKnown = new([0, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0], 96);
    private static readonly Prefix Nat64LocalUse = new([0, 0x64, 0xff, 0x9b, 0, 1], 48);
    private static readonly Prefix SixToFour = new([0x20, 0x02], 16);
    private static readonly Prefix Teredo = new([0x20, 0x01, 0, 0], 32);
    private static readonly int[] LocalUsePrefixLengths = [96, 64, 56, 48];

    /// <summary>Every IPv4 address <paramref name="address"/> embeds (none for an IPv4 address or a plain IPv6 one).</summary>
    public static IReadOnlyList<EmbeddedIPv4> In(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.AddressFamily != System.Net.Sockets.AddressFamily.InterNetworkV6)
        {
            return [];
        }

        var bytes = address.GetAddressBytes();
        var found = new List<EmbeddedIPv4>();
        if (Mapped.Holds(bytes))
        {
            found.Add(new(At(bytes, 96), "IPv4-mapped", true));
        }
        else if (Translated.Holds(bytes))
        {
            found.Add(new(At(bytes, 96), "IPv4-translated", true));
        }
        // :: and ::1 are the unspecified and loopback addresses, not IPv4-compatible ones (RFC 4291 2.5.2, 2.5.3).
        else if (Compatible.Holds(bytes) && (bytes[12] | bytes[13] | bytes[14] | (bytes[15] & 0xfe)) != 0)
        {
            found.Add(new(At(bytes, 96), "IPv4-compatible", true));
        }
        else if (Nat64WellKnown.Holds(bytes))
        {
            found.Add(new(At(bytes, 96), "NAT64 well-known prefix", true));
        }
        else if (Nat64LocalUse.Holds(bytes))
        {
            // RFC 8215 lets the operator choose the prefix length inside 64:ff9b:1::/48, and with it where the IPv4
            // address sits (RFC 6052 2.2): every possible position is judged, /96 (the usual one) first. A position
            // that reads as 0.0.0.0/8 is taken as unused at that length (no translator sends there), else every
            // /96 address would be refused for the zeros its /48 reading finds; all-zero readings leave the /96 one.
            var readings = LocalUsePrefixLengths
                .Select(prefix => new EmbeddedIPv4(Rfc6052(bytes, prefix), $"NAT64 local-use prefix read as /{prefix}", true))
                .Where(reading => reading.Address.GetAddressBytes()[0] != 0)
                .ToList();
            found.AddRange(readings.Count > 0 ? readings : [new(At(bytes, 96), "NAT64 local-use prefix read as /96", true)]);
        }
        else if (SixToFour.Holds(bytes))
        {
            found.Add(new(At(bytes, 16), "6to4", false));
        }
        else if (Teredo.Holds(bytes))
        {
            // Teredo carries the server's address in bits 32-63 and the client's, inverted, in bits 96-127.
            found.Add(new(At(bytes, 32), "Teredo server", false));
            var client = bytes[12..16].Select(b => (byte)~b).ToArray();
            found.Add(new(new IPAddress(client), "Teredo client", false));
        }

        // ISATAP interface identifier ::0:5efe:a.b.c.d (first octet's u/g bits may be set) on any prefix.
        if ((bytes[8] & 0xfc) == 0 && bytes[9] == 0 && bytes[10] == 0x5e && bytes[11] == 0xfe)
        {
            found.Add(new(At(bytes, 96), "ISATAP", false));
        }

        return found;
    }

    private static IPAddress At(byte[] bytes, int bit) => new(bytes[(bit / 8)..((bit / 8) + 4)]);

    /// <summary>RFC 6052 2.2: the IPv4 address after a prefix of <paramref name="prefix"/> bits, skipping bits 64-71.</summary>
    private static IPAddress Rfc6052(byte[] bytes, int prefix)
    {
        var octets = new List<byte>(4);
        for (var i = prefix / 8; octets.Count < 4; i++)
        {
            if (i != 8)
            {
                octets.Add(bytes[i]);
            }
        }

        return new IPAddress(octets.ToArray());
    }

    private sealed record Prefix(byte[] Bytes, int Bits)
    {
        public bool Holds(byte[] address) => address.AsSpan(0, Bits / 8).SequenceEqual(Bytes.AsSpan(0, Bits / 8));
    }
}
