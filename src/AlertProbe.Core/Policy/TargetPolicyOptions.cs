namespace AlertProbe.Core.Policy;

/// <summary>
/// Which targets instant tests may probe (section <c>TargetPolicy</c>). Deny lists win over allow lists; an allow
/// list that is not empty means "only these" (for names <see cref="AllowDomains"/>, for IP literals
/// <see cref="AllowCidrs"/>: with either set, a target must be in one of them). Loopback, link-local,
/// cloud metadata, unspecified, broadcast and multicast addresses are always refused.
/// </summary>
public sealed class TargetPolicyOptions
{
    public const string SectionName = "TargetPolicy";

    /// <summary>Host names allowed: <c>example.com</c> (exactly) or <c>*.example.com</c> (any sub-domain, not the apex).</summary>
    public IList<string> AllowDomains { get; init; } = [];

    /// <summary>Host names refused, same pattern forms as <see cref="AllowDomains"/>.</summary>
    public IList<string> DenyDomains { get; init; } = [];

    /// <summary>IP literals allowed, as CIDR blocks (<c>203.0.113.0/24</c>, <c>2001:db8::/32</c>).</summary>
    public IList<string> AllowCidrs { get; init; } = [];

    /// <summary>IP literals refused, as CIDR blocks.</summary>
    public IList<string> DenyCidrs { get; init; } = [];

    /// <summary>
    /// Allow private IP literals (10/8, 172.16/12, 192.168/16, 100.64/10, fc00::/7). True by default because
    /// enterprise agents legitimately test internal services.
    /// </summary>
    public bool AllowPrivateAddresses { get; set; } = true;
}
