using System.Net;
using AlertProbe.Core.Addresses;
using AlertProbe.Core.Outcomes;

namespace AlertProbe.Core.Policy;

/// <summary>
/// The verdict on one canonical host: the built-in refusals (<see cref="ReservedTargets"/>), private ranges, and
/// configured allow and deny lists. An IPv6 address is judged together with every IPv4 address it embeds
/// (<see cref="EmbeddedIPv4"/>): a denial of either denies; an allow list admits it when it holds the IPv6 address,
/// or the IPv4 address of an embedding that names the same host. Shared by the target policy and the reply policy,
/// so "what is a denied address" has one answer.
/// </summary>
internal sealed class AddressJudge
{
    private readonly IReadOnlyList<DomainPattern> allowDomains;
    private readonly IReadOnlyList<DomainPattern> denyDomains;
    private readonly IReadOnlyList<IPNetwork> allowCidrs;
    private readonly IReadOnlyList<IPNetwork> denyCidrs;
    private readonly bool allowPrivate;
    private readonly string section;

    public AddressJudge(TargetPolicyOptions options)
        : this(
            TargetPolicyOptions.SectionName,
            [.. options.AllowDomains.Select(ParseDomain)],
            [.. options.DenyDomains.Select(ParseDomain)],
            [.. options.AllowCidrs.Select(ParseCidr)],
            [.. options.DenyCidrs.Select(ParseCidr)],
            options.AllowPrivateAddresses)
    {
    }

    public AddressJudge(string section, IReadOnlyList<DomainPattern> allowDomains, IReadOnlyList<DomainPattern> denyDomains, IReadOnlyList<IPNetwork> allowCidrs, IReadOnlyList<IPNetwork> denyCidrs, bool allowPrivate)
    {
        this.section = section;
        this.allowDomains = allowDomains;
        this.denyDomains = denyDomains;
        this.allowCidrs = allowCidrs;
        this.denyCidrs = denyCidrs;
        this.allowPrivate = allowPrivate;
    }

    private bool HasAllowList => allowDomains.Count > 0 || allowCidrs.Count > 0;

    /// <summary>Null when allowed; else why not (reason <see cref="RejectionReasons.TargetDenied"/>).</summary>
    public Rejection? Judge(CanonicalHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        return host.Address is { } address ? JudgeAddress(address, host.Embedded) : JudgeName(host.Text);
    }

    private Rejection? JudgeName(string name)
    {
        if (ReservedTargets.DescribeName(name) is { } what)
        {
            return Denied($"'{name}' is {what}");
        }

        if (denyDomains.FirstOrDefault(pattern => pattern.Matches(name)) is { } denied)
        {
            return Denied($"'{name}' matches {section}:DenyDomains '{denied}'");
        }

        if (HasAllowList && !allowDomains.Any(pattern => pattern.Matches(name)))
        {
            return Denied($"'{name}' is not in {section}:AllowDomains");
        }

        return null;
    }

    private Rejection? JudgeAddress(IPAddress address, IReadOnlyList<EmbeddedIPv4> embedded)
    {
        var shown = address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? WhatwgIPv6.Serialize(address) : address.ToString();

        // The embedded addresses first: .NET's IPNetwork matches ::ffff:a.b.c.d against IPv4 networks itself, and the
        // reason should name the IPv4 address and how it is carried.
        foreach (var inner in embedded)
        {
            if (Refusal(inner.Address) is { } carried)
            {
                return Denied($"{shown} embeds {inner.Address} ({inner.How}), {carried}");
            }
        }

        if (Refusal(address) is { } own)
        {
            return Denied($"{shown} is {own}");
        }

        if (HasAllowList
            && FindNetwork(allowCidrs, address) is null
            && !embedded.Any(inner => inner.IsSameHost && FindNetwork(allowCidrs, inner.Address) is not null))
        {
            return Denied($"{shown} is not in {section}:AllowCidrs");
        }

        return null;
    }

    /// <summary>Why this one address is refused whatever the allow list says; null when it is not.</summary>
    private string? Refusal(IPAddress address)
    {
        foreach (var (network, what) in ReservedTargets.Networks)
        {
            if (network.Contains(address))
            {
                return what;
            }
        }

        if (!allowPrivate && FindNetwork(ReservedTargets.PrivateNetworks, address) is not null)
        {
            return $"a private address and {section}:AllowPrivateAddresses is false";
        }

        return FindNetwork(denyCidrs, address) is { } denied ? $"in {section}:DenyCidrs {denied}" : null;
    }

    /// <summary>The first network holding the address (IPNetwork.Contains is false across address families).</summary>
    private static IPNetwork? FindNetwork(IEnumerable<IPNetwork> networks, IPAddress address)
    {
        foreach (var network in networks)
        {
            if (network.Contains(address))
            {
                return network;
            }
        }

        return null;
    }

    private static Rejection Denied(string detail) => new(RejectionReasons.TargetDenied, detail);

    private static DomainPattern ParseDomain(string text) =>
        DomainPattern.TryParse(text, out var pattern) ? pattern : throw new InvalidOperationException($"Invalid domain pattern '{text}' in {TargetPolicyOptions.SectionName}.");

    private static IPNetwork ParseCidr(string text) =>
        CidrBlock.TryParse(text, out var network) ? network : throw new InvalidOperationException($"Invalid CIDR block '{text}' in {TargetPolicyOptions.SectionName}.");
}
