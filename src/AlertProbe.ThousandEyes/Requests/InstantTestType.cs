using System.Text.Json.Serialization;
using static AlertProbe.ThousandEyes.Requests.InstantTestFields;

namespace AlertProbe.ThousandEyes.Requests;

/// <summary>
/// An instant test type with its path segment in each API version. Like Azure SDK extensible enums, any name
/// can be represented (so an unknown or unsupported type such as "bgp" reaches validation and is refused
/// there with a clear message); only the known types have path segments.
/// </summary>
[JsonConverter(typeof(InstantTestTypeJsonConverter))]
public sealed class InstantTestType : IEquatable<InstantTestType>
{
    private const string BgpRefusal = "'bgp' is not supported for instant tests (ThousandEyes offers BGP only as a scheduled test)";

    private readonly IReadOnlyList<string> requiredFields;
    private readonly IReadOnlyList<string> requiredFieldsInV6;

    private InstantTestType(string name, string? v6Name, string? v7Name, IReadOnlyList<string> required, IReadOnlyList<string>? alsoRequiredInV6 = null)
    {
        Name = name;
        V6Name = v6Name;
        V7Name = v7Name;
        requiredFields = required;
        requiredFieldsInV6 = [.. required, .. alsoRequiredInV6 ?? []];
    }

    public static InstantTestType AgentToAgent { get; } = new("agent-to-agent", "agent-to-agent", "agent-to-agent", [TargetAgentId]);

    public static InstantTestType AgentToServer { get; } = new("agent-to-server", "agent-to-server", "agent-to-server", [Server]);

    public static InstantTestType HttpServer { get; } = new("http-server", "http-server", "http-server", [Url]);

    /// <summary>v6 also requires <c>httpInterval</c>.</summary>
    public static InstantTestType PageLoad { get; } = new("page-load", "page-load", "page-load", [Url], alsoRequiredInV6: [HttpInterval]);

    /// <summary>v6 only: v7 has no instant endpoint for (legacy) transactions.</summary>
    public static InstantTestType Transactions { get; } = new("transactions", "transactions", null, [Url, TransactionScript]);

    public static InstantTestType WebTransactions { get; } = new("web-transactions", "web-transactions", "web-transactions", [Url, TransactionScript]);

    /// <summary>v7 only.</summary>
    public static InstantTestType Api { get; } = new("api", null, "api", [Url, ApiRequests]);

    public static InstantTestType FtpServer { get; } = new("ftp-server", "ftp-server", "ftp-server", [Url, Username, Password, RequestType]);

    public static InstantTestType DnsTrace { get; } = new("dns-trace", "dns-trace", "dns-trace", [Domain]);

    public static InstantTestType DnsServer { get; } = new("dns-server", "dns-server", "dns-server", [Domain, DnsServers]);

    /// <summary>v6 calls it "dns-dnssec", v7 "dnssec".</summary>
    public static InstantTestType Dnssec { get; } = new("dnssec", "dns-dnssec", "dnssec", [Domain]);

    /// <summary><c>targetSipCredentials</c> must itself hold <c>sipRegistrar</c> and <c>port</c> (the validator checks both).</summary>
    public static InstantTestType SipServer { get; } = new("sip-server", "sip-server", "sip-server", [TargetSipCredentials]);

    /// <summary>RTP stream test.</summary>
    public static InstantTestType Voice { get; } = new("voice", "voice", "voice", [TargetAgentId]);

    /// <summary>Every known instant test type, of either version.</summary>
    public static IReadOnlyList<InstantTestType> All { get; } =
    [
        AgentToAgent, AgentToServer, HttpServer, PageLoad, Transactions, WebTransactions, Api,
        FtpServer, DnsTrace, DnsServer, Dnssec, SipServer, Voice,
    ];

    /// <summary>The canonical name: the v7 name where one exists ("dnssec"), else the v6 one ("transactions").</summary>
    public string Name { get; }

    /// <summary>The v6 path segment, or null when the type has no v6 instant endpoint.</summary>
    public string? V6Name { get; }

    /// <summary>The v7 path segment, or null when the type has no v7 instant endpoint.</summary>
    public string? V7Name { get; }

    public bool IsKnown => V6Name is not null || V7Name is not null;

    /// <summary>
    /// Why this name cannot be an instant test in any API version, as a sentence naming it (bgp is scheduled-only;
    /// anything else unknown lists the known names); null for a known type. Availability in one version is
    /// <see cref="IsAvailableIn"/>'s question, not this one's.
    /// </summary>
    public string? UnknownReason => IsKnown
        ? null
        : Name == "bgp"
            ? BgpRefusal
            : $"'{Name}' is not an instant test type (supported: {string.Join(", ", All.Select(t => t.Name))}; "
              + $"v6 spellings accepted too: {string.Join(", ", All.Where(t => t.V6Name is not null && t.V6Name != t.Name).Select(t => t.V6Name))})";

    /// <summary>Fields the instant API accepts but ignores (interval, alertRules, …): the serialisers never send them.</summary>
    public static IReadOnlySet<string> IgnoredFields => IgnoredByInstantApi;

    /// <summary>
    /// Fields whose value is a whole number in some version (port, numPathTraces, httpInterval, dscpId, …): text rendered for
    /// them must be digits. The serialiser then writes the version's JSON type (v7 dscpId, codecId, sslVersionId are strings).
    /// </summary>
    public static IReadOnlySet<string> IntegerFields => Integers;

    /// <summary>The known types available as instant tests in <paramref name="version"/>.</summary>
    public static IReadOnlyList<InstantTestType> AvailableIn(ThousandEyesApiVersion version) =>
        [.. All.Where(t => t.IsAvailableIn(version))];

    /// <summary>Parses a v6 or v7 name ("dns-dnssec" and "dnssec" give the same type); never fails.</summary>
    public static InstantTestType Parse(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var normalised = name.Trim().ToLowerInvariant();
        return All.FirstOrDefault(t => t.Name == normalised || t.V6Name == normalised || t.V7Name == normalised)
            ?? new InstantTestType(normalised, null, null, []);
    }

    public bool IsAvailableIn(ThousandEyesApiVersion version) => NameIn(version) is not null;

    /// <summary>
    /// The top-level fields a request of this type must carry in <paramref name="version"/>, besides agents, in the
    /// order the validator reports them; empty when the type is unavailable there.
    /// </summary>
    public IReadOnlyList<string> RequiredFieldsIn(ThousandEyesApiVersion version) =>
        !IsAvailableIn(version) ? []
        : version == ThousandEyesApiVersion.V6 ? requiredFieldsInV6
        : requiredFields;

    /// <summary>The path segment in <paramref name="version"/>, or null when unavailable there.</summary>
    public string? NameIn(ThousandEyesApiVersion version) => version == ThousandEyesApiVersion.V6 ? V6Name : V7Name;

    public bool Equals(InstantTestType? other) => other is not null && other.Name == Name;

    public override bool Equals(object? obj) => Equals(obj as InstantTestType);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Name);

    public override string ToString() => Name;

    public static bool operator ==(InstantTestType? left, InstantTestType? right) => Equals(left, right);

    public static bool operator !=(InstantTestType? left, InstantTestType? right) => !Equals(left, right);
}
