using System.Globalization;

namespace AlertProbe.Core.Addresses;

/// <summary>A <c>host</c> or <c>host:port</c> in canonical form (IPv6 in brackets when a port follows).</summary>
public sealed record CanonicalEndpoint
{
    public required CanonicalHost Host { get; init; }

    public int? Port { get; init; }

    public override string ToString() => Port is { } port
        ? $"{Host.ForAuthority}:{port.ToString(CultureInfo.InvariantCulture)}"
        : Host.Kind == HostKind.IPv6 ? Host.Text : Host.ForAuthority;
}
