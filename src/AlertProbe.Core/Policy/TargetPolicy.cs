using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AlertProbe.Core.Intake;
using AlertProbe.Core.Planning;
using AlertProbe.ThousandEyes.Requests;
using Microsoft.Extensions.Options;

namespace AlertProbe.Core.Policy;

/// <summary>
/// Decides whether a plan's targets may be probed: the target must have the shape its test type needs
/// (an http(s) URL, a host[:port], a domain…), carry no credentials, whitespace or control characters,
/// and pass the deny/allow lists and the built-in refusals (<see cref="ReservedTargets"/>).
/// The policy judges what is written and never resolves names: a name that resolves to a private or
/// loopback address (DNS rebinding) is out of its scope; the agents, not this app, do the resolving.
/// </summary>
public sealed partial class TargetPolicy
{
    private readonly List<DomainPattern> allowDomains;
    private readonly List<DomainPattern> denyDomains;
    private readonly List<IPNetwork> allowCidrs;
    private readonly List<IPNetwork> denyCidrs;
    private readonly bool allowPrivate;

    public TargetPolicy(IOptions<TargetPolicyOptions> options)
        : this(options?.Value ?? throw new ArgumentNullException(nameof(options)))
    {
    }

    /// <summary>Builds the policy; options must already be valid (see <c>AddTargetPolicy</c>'s validation).</summary>
    public TargetPolicy(TargetPolicyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        allowDomains = options.AllowDomains.Select(ParseDomain).ToList();
        denyDomains = options.DenyDomains.Select(ParseDomain).ToList();
        allowCidrs = options.AllowCidrs.Select(ParseCidr).ToList();
        denyCidrs = options.DenyCidrs.Select(ParseCidr).ToList();
        allowPrivate = options.AllowPrivateAddresses;
    }

    private bool HasAllowList => allowDomains.Count > 0 || allowCidrs.Count > 0;

    public PolicyDecision Evaluate(TestPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var type = InstantTestType.Parse(plan.TestType);
        if (type.UnknownReason is { } reason)
        {
            return PolicyDecision.Denied(RejectionReasons.UnsupportedTestType, reason);
        }

        foreach (var (field, value) in TargetsOf(type, plan))
        {
            var decision = Check(type, field, value);
            if (!decision.IsAllowed)
            {
                return decision;
            }
        }

        return PolicyDecision.Allowed;
    }

    /// <summary>The main target and any other field that makes the agents connect somewhere.</summary>
    private static IEnumerable<(string Field, string Value)> TargetsOf(InstantTestType type, TestPlan plan)
    {
        yield return ("target", plan.Target);
        var fields = plan.Fields;
        switch (type.TargetKind)
        {
            case TestTargetKind.Url when Text(fields["url"]) is { } url:
                yield return ("url", url);
                break;
            case TestTargetKind.Server when Text(fields["server"]) is { } server:
                yield return ("server", server);
                break;
            case TestTargetKind.Domain when fields["dnsServers"] is JsonArray servers:
                for (var i = 0; i < servers.Count; i++)
                {
                    var name = servers[i] is JsonObject obj ? Text(obj["serverName"]) : Text(servers[i]);
                    if (name is not null)
                    {
                        yield return (string.Create(CultureInfo.InvariantCulture, $"dnsServers[{i}]"), name);
                    }
                }

                break;
        }
    }

    private PolicyDecision Check(InstantTestType type, string field, string value)
    {
        if (value.Length == 0)
        {
            return Invalid(field, "it is empty");
        }

        var isDnsServer = field.StartsWith("dnsServers", StringComparison.Ordinal);
        var kind = isDnsServer ? TestTargetKind.Server : type.TargetKind;
        if (value.Any(char.IsControl) || (kind != TestTargetKind.Domain && value.Any(char.IsWhiteSpace)))
        {
            return Invalid(field, $"{Show(value)} contains whitespace or control characters");
        }

        switch (kind)
        {
            case TestTargetKind.Url:
                return CheckUrl(type, field, value);
            case TestTargetKind.Server or TestTargetKind.SipRegistrar:
                if (!TargetAddress.TryParse(value, out var address, out var error))
                {
                    return Invalid(field, $"{Show(value)} is not a host or host:port: {error}");
                }

                return address.IsUrl
                    ? Invalid(field, $"{Show(value)} is a URL; {type.Name} needs a host or host:port")
                    : CheckHost(field, address.Host, allowIp: true);
            case TestTargetKind.Domain:
                return CheckDomain(field, value);
            case TestTargetKind.Agent:
                return AgentId().IsMatch(value) ? PolicyDecision.Allowed : Invalid(field, $"{Show(value)} is not an agent id");
            default:
                return Invalid(field, $"{type.Name} has no target rule");
        }
    }

    private PolicyDecision CheckUrl(InstantTestType type, string field, string value)
    {
        if (!TargetAddress.TryParse(value, out var address, out var error) || !address.IsUrl)
        {
            return Invalid(field, $"{Show(value)} is not an absolute URL{(error is null ? string.Empty : ": " + error)}");
        }

        string[] schemes = type.Name == "ftp-server" ? ["ftp", "ftps", "sftp"] : ["http", "https"];
        if (!schemes.Contains(address.Scheme))
        {
            return Invalid(field, $"scheme '{address.Scheme}' is not allowed for {type.Name} (use {string.Join(" or ", schemes)})");
        }

        if (address.HasUserInfo)
        {
            // Never echo the URL: the user info may be a password.
            return Invalid(field, $"the URL for host '{address.Host}' carries credentials (user:password@); credentials are never accepted in a URL");
        }

        return CheckHost(field, address.Host, allowIp: true);
    }

    private PolicyDecision CheckDomain(string field, string value)
    {
        var parts = value.Split(' ');
        if (parts.Length > 2 || parts.Any(part => part.Length == 0) || (parts.Length == 2 && !RecordType().IsMatch(parts[1])))
        {
            return Invalid(field, $"{Show(value)} is not a domain optionally followed by one record type (\"example.com A\")");
        }

        var name = parts[0].TrimEnd('.');
        return IPAddress.TryParse(name, out _)
            ? Invalid(field, $"{Show(value)} is an IP address; a DNS test needs a domain name")
            : CheckHost(field, name, allowIp: false);
    }

    private PolicyDecision CheckHost(string field, string host, bool allowIp)
    {
        var bare = host.Trim('[', ']');
        if (IPAddress.TryParse(bare, out var ip))
        {
            // Any form the parser takes (127.1, 2130706433, 0x7f.0.0.1, ::ffff:127.0.0.1) is judged as the address it means.
            return allowIp ? CheckAddress(field, ip) : Invalid(field, $"'{bare}' is an IP address where a name is needed");
        }

        string ascii;
        try
        {
            ascii = new IdnMapping().GetAscii(bare.TrimEnd('.')).ToLowerInvariant();
        }
        catch (ArgumentException)
        {
            return Invalid(field, $"{Show(host)} is not a valid host name");
        }

        if (!IsHostName(ascii))
        {
            return Invalid(field, $"{Show(host)} is not a valid host name (letters, digits, '-' and '_' in dot-separated labels)");
        }

        if (ReservedTargets.DescribeName(ascii) is { } what)
        {
            return Denied(field, $"'{ascii}' is {what}");
        }

        if (denyDomains.FirstOrDefault(pattern => pattern.Matches(ascii)) is { } denied)
        {
            return Denied(field, $"'{ascii}' matches TargetPolicy:DenyDomains '{denied}'");
        }

        if (HasAllowList && !allowDomains.Any(pattern => pattern.Matches(ascii)))
        {
            return Denied(field, $"'{ascii}' is not in TargetPolicy:AllowDomains");
        }

        return PolicyDecision.Allowed;
    }

    private PolicyDecision CheckAddress(string field, IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        var shown = address.ToString();
        foreach (var (network, what) in ReservedTargets.Networks)
        {
            if (network.Contains(address))
            {
                return Denied(field, $"{shown} is {what}");
            }
        }

        if (!allowPrivate && FindNetwork(ReservedTargets.PrivateNetworks, address) is not null)
        {
            return Denied(field, $"{shown} is a private address and TargetPolicy:AllowPrivateAddresses is false");
        }

        if (FindNetwork(denyCidrs, address) is { } denied)
        {
            return Denied(field, $"{shown} is in TargetPolicy:DenyCidrs {denied}");
        }

        if (HasAllowList && FindNetwork(allowCidrs, address) is null)
        {
            return Denied(field, $"{shown} is not in TargetPolicy:AllowCidrs");
        }

        return PolicyDecision.Allowed;
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

    private static bool IsHostName(string ascii)
    {
        if (ascii.Length is 0 or > 253)
        {
            return false;
        }

        return ascii.Split('.').All(label =>
            label.Length is > 0 and <= 63
            && label[0] != '-' && label[^1] != '-'
            && label.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '_'));
    }

    private static PolicyDecision Invalid(string field, string detail) =>
        PolicyDecision.Denied(RejectionReasons.InvalidField, $"{field}: {detail}");

    private static PolicyDecision Denied(string field, string detail) =>
        PolicyDecision.Denied(RejectionReasons.TargetDenied, $"{field}: {detail}");

    /// <summary>Quotes a value for a description: user info masked, control characters escaped, length capped.</summary>
    private static string Show(string value)
    {
        var masked = UserInfo().Replace(value, "://***@");
        var text = new StringBuilder();
        foreach (var c in masked.Length > 120 ? masked[..120] + "…" : masked)
        {
            text.Append(char.IsControl(c) ? string.Create(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}") : c.ToString());
        }

        return $"'{text}'";
    }

    private static DomainPattern ParseDomain(string text) =>
        DomainPattern.TryParse(text, out var pattern) ? pattern : throw new InvalidOperationException($"Invalid domain pattern '{text}' in {TargetPolicyOptions.SectionName}.");

    private static IPNetwork ParseCidr(string text) =>
        CidrBlock.TryParse(text, out var network) ? network : throw new InvalidOperationException($"Invalid CIDR block '{text}' in {TargetPolicyOptions.SectionName}.");

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    [GeneratedRegex("^[A-Za-z0-9-]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex AgentId();

    [GeneratedRegex("^[A-Za-z0-9]{1,10}$", RegexOptions.CultureInvariant)]
    private static partial Regex RecordType();

    [GeneratedRegex("://[^/?#]*@", RegexOptions.CultureInvariant)]
    private static partial Regex UserInfo();
}
