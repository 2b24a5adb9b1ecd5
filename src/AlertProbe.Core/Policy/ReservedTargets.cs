using System.Net;

namespace AlertProbe.Core.Policy;

/// <summary>
/// Addresses and names no instant test may probe whatever the configuration says (they are never a
/// meaningful ThousandEyes target and are the classic SSRF destinations), and the private ranges governed by
/// <see cref="TargetPolicyOptions.AllowPrivateAddresses"/>.
/// </summary>
internal static class ReservedTargets
{
    /// <summary>Most specific first, so the reason names the precise thing (metadata before link-local).</summary>
    public static IReadOnlyList<(IPNetwork Network, string What)> Networks { get; } =
    [
        (IPNetwork.Parse("169.254.169.254/32"), "a cloud metadata endpoint"),
        (IPNetwork.Parse("100.100.100.200/32"), "a cloud metadata endpoint"),
        (IPNetwork.Parse("fd00:ec2::254/128"), "a cloud metadata endpoint"),
        // Azure's platform address (DHCP, DNS, health probes, the WireServer that hands VMs their configuration):
        // reachable from every Azure VM, so from Azure-hosted enterprise agents too.
        (IPNetwork.Parse("168.63.129.16/32"), "the Azure platform (WireServer) address"),
        (IPNetwork.Parse("0.0.0.0/8"), "an unspecified (this-network) address"),
        (IPNetwork.Parse("::/128"), "the unspecified address"),
        (IPNetwork.Parse("127.0.0.0/8"), "a loopback address"),
        (IPNetwork.Parse("::1/128"), "the loopback address"),
        (IPNetwork.Parse("169.254.0.0/16"), "a link-local address"),
        (IPNetwork.Parse("fe80::/10"), "a link-local address"),
        (IPNetwork.Parse("224.0.0.0/4"), "a multicast address"),
        (IPNetwork.Parse("ff00::/8"), "a multicast address"),
        (IPNetwork.Parse("255.255.255.255/32"), "the broadcast address"),
        (IPNetwork.Parse("240.0.0.0/4"), "a reserved address"),
    ];

    public static IReadOnlyList<IPNetwork> PrivateNetworks { get; } =
    [
        IPNetwork.Parse("10.0.0.0/8"),
        IPNetwork.Parse("172.16.0.0/12"),
        IPNetwork.Parse("192.168.0.0/16"),
        IPNetwork.Parse("100.64.0.0/10"),
        IPNetwork.Parse("fc00::/7"),
        // Deprecated site-local (RFC 3879), still routed inside some networks.
        IPNetwork.Parse("fec0::/10"),
    ];

    /// <summary>Host names refused: loopback names and metadata service names.</summary>
    public static string? DescribeName(string host) => host switch
    {
        "localhost" or "localhost.localdomain" or "ip6-localhost" or "ip6-loopback" => "a loopback name",
        _ when host.EndsWith(".localhost", StringComparison.Ordinal) => "a loopback name",
        "metadata.google.internal" or "metadata" or "metadata.goog" or "instance-data" or "instance-data.ec2.internal" => "a cloud metadata endpoint",
        _ => null,
    };
}
