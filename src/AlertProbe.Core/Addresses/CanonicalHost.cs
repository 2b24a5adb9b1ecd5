using System.Net;

namespace AlertProbe.Core.Addresses;

/// <summary>
/// A host in the one form every consumer reads the same way: a lower-case ASCII domain without a trailing dot,
/// a dotted-decimal IPv4 address, or a compressed lower-case IPv6 address (WHATWG serialisation, no brackets).
/// </summary>
public sealed record CanonicalHost
{
    public required HostKind Kind { get; init; }

    /// <summary>The canonical text (IPv6 without brackets).</summary>
    public required string Text { get; init; }

    /// <summary>The address of an IPv4 or IPv6 host; null for a domain.</summary>
    public IPAddress? Address { get; init; }

    public bool IsIPAddress => Address is not null;

    /// <summary>The host as it goes into a URL authority or a host:port (IPv6 in brackets).</summary>
    public string ForAuthority => Kind == HostKind.IPv6 ? $"[{Text}]" : Text;

    /// <summary>IPv4 addresses an IPv6 host embeds (mapped, NAT64, 6to4, Teredo…): judged as well as the IPv6 address.</summary>
    public IReadOnlyList<EmbeddedIPv4> Embedded => Address is { } address ? EmbeddedIPv4.In(address) : [];

    public override string ToString() => ForAuthority;
}
