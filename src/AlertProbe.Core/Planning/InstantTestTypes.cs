using System.Diagnostics.CodeAnalysis;

namespace AlertProbe.Core.Planning;

/// <summary>
/// The catalogue of instant test types (v7 names) with the v6 aliases accepted in rules and requests.
/// <c>bgp</c> has no instant test and is refused by name.
/// </summary>
public static class InstantTestTypes
{
    public static IReadOnlyList<InstantTestType> All { get; } =
    [
        new("agent-to-server", TestTargetKind.Server, ["server"]),
        new("agent-to-agent", TestTargetKind.Agent, ["targetAgentId"]),
        new("http-server", TestTargetKind.Url, ["url"]),
        new("page-load", TestTargetKind.Url, ["url"]),
        new("web-transactions", TestTargetKind.Url, ["url", "transactionScript"]),
        new("transactions", TestTargetKind.Url, ["url", "transactionScript"], V6Only: true),
        new("api", TestTargetKind.Url, ["url", "requests"]),
        new("ftp-server", TestTargetKind.Url, ["url", "username", "password", "requestType"]),
        new("dns-server", TestTargetKind.Domain, ["domain", "dnsServers"]),
        new("dns-trace", TestTargetKind.Domain, ["domain"]),
        new("dnssec", TestTargetKind.Domain, ["domain"]),
        new("sip-server", TestTargetKind.SipRegistrar, ["targetSipCredentials"]),
        new("voice", TestTargetKind.Agent, ["targetAgentId"]),
    ];

    /// <summary>v6 names that differ from v7: v6 name → v7 name.</summary>
    public static IReadOnlyDictionary<string, string> V6Aliases { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["dns-dnssec"] = "dnssec",
    };

    /// <summary>Fields the API accepts on scheduled tests but ignores (v6) or refuses on instant tests: never sent.</summary>
    public static IReadOnlyList<string> IgnoredFields { get; } =
        ["interval", "subinterval", "alertsEnabled", "alertRules", "bgpMeasurements", "bgpMonitors"];

    /// <summary>Fields whose value is a whole number, so a rendered template is sent as a JSON number.</summary>
    public static IReadOnlyList<string> IntegerFields { get; } =
        ["port", "numPathTraces", "httpInterval", "httpTimeLimit", "timeLimit", "targetTime", "pingPayloadSize", "dscpId"];

    public static string SupportedNames => string.Join(", ", All.Select(type => type.Name));

    /// <summary>Finds a type by v7 name or v6 alias (case-insensitive).</summary>
    public static bool TryFind(string name, [NotNullWhen(true)] out InstantTestType? type)
    {
        ArgumentNullException.ThrowIfNull(name);
        var lower = name.Trim().ToLowerInvariant();
        if (V6Aliases.TryGetValue(lower, out var v7))
        {
            lower = v7;
        }

        type = All.FirstOrDefault(candidate => candidate.Name == lower);
        return type is not null;
    }

    /// <summary>Why a type name is refused, in words fit for a rule author or a dead-letter description.</summary>
    public static string DescribeUnsupported(string name) =>
        string.Equals(name.Trim(), "bgp", StringComparison.OrdinalIgnoreCase)
            ? "'bgp' is not supported for instant tests (ThousandEyes has no instant BGP test)"
            : $"'{name}' is not an instant test type (supported: {SupportedNames}; v6 name dns-dnssec is accepted too)";
}
