using System.Collections.Frozen;
using static AlertProbe.ThousandEyes.Requests.FieldSpec;

namespace AlertProbe.ThousandEyes.Requests;

/// <summary>
/// The request fields the client may send, per API version and instant-test type, with their wire kind. Facts from the
/// vendor: v7 from the Instant Tests API 7.0.100 request schemas (cross-checked with 7.0.85 and the Python SDK model
/// docs); v6 from the vendor's v6 Go SDK (thousandeyes-sdk-go v2.4.3) and v6 Terraform provider (v2.0.10) schemas.
/// The contract tests hold the same facts as data (tests/…/Contract/Requests) and check this table against them.
/// </summary>
internal static class InstantTestFieldCatalog
{
    private static readonly string[] V7Dscp = ["0", "8", "16", "24", "32", "40", "48", "56", "10", "12", "14", "18", "20", "22", "26", "28", "30", "34", "36", "38", "46", "44"];

    private static readonly FrozenDictionary<string, FrozenDictionary<string, FieldSpec>> V6 = BuildV6();

    private static readonly FrozenDictionary<string, FrozenDictionary<string, FieldSpec>> V7 = BuildV7();

    /// <summary>The fields of <paramref name="typeName"/> (the version's own name) in <paramref name="version"/>; null when the type has none there.</summary>
    public static FrozenDictionary<string, FieldSpec>? FieldsOf(ThousandEyesApiVersion version, string typeName) =>
        (version == ThousandEyesApiVersion.V6 ? V6 : V7).GetValueOrDefault(typeName);

    /// <summary>Every (version, type name, fields) entry; for the contract tests.</summary>
    public static IEnumerable<(ThousandEyesApiVersion Version, string Type, FrozenDictionary<string, FieldSpec> Fields)> All() =>
        V6.Select(e => (ThousandEyesApiVersion.V6, e.Key, e.Value)).Concat(V7.Select(e => (ThousandEyesApiVersion.V7, e.Key, e.Value)));

    /// <summary>Names of fields that are whole numbers in some version (v7 writes some of them as digit strings).</summary>
    public static FrozenSet<string> NumericFieldNames { get; } = All()
        .SelectMany(e => Flatten(e.Fields))
        .Where(f => f.Spec.Kind is FieldKind.Integer or FieldKind.DigitsChoice)
        .Select(f => f.Name)
        .ToFrozenSet(StringComparer.Ordinal);

    private static IEnumerable<(string Name, FieldSpec Spec)> Flatten(IReadOnlyDictionary<string, FieldSpec> fields)
    {
        foreach (var (name, spec) in fields)
        {
            yield return (name, spec);
            var nested = spec.Fields ?? spec.Item?.Fields;
            if (nested is not null)
            {
                foreach (var inner in Flatten(nested))
                {
                    yield return inner;
                }
            }
        }
    }

    private static FrozenDictionary<string, FrozenDictionary<string, FieldSpec>> BuildV7()
    {
        var common = Set(("testName", Text), ("description", Text), ("labels", TextList), ("tags", TextList), ("sharedWithAccounts", TextList));
        var numPathTraces = Range(1, 10);
        var pathTraceMode = OneOf("classic", "in-session");
        var probeMode = OneOf("auto", "sack", "syn");
        var protocol = OneOf("tcp", "icmp", "udp");
        var ipv6Policy = OneOf("force-ipv4", "prefer-ipv6", "force-ipv6", "use-agent-policy");
        var dscpId = new FieldSpec(FieldKind.DigitsChoice) { Values = V7Dscp };
        var sslVersionId = DigitsOf(0, 3, 4, 5, 6, 7);
        var fixedPacketRate = Range(0, 100);
        var nameValue = ListOf(ObjectOf(Set(("name", Text), ("value", Text))));
        var vaultCredentials = ListOf(ObjectOf(Set(("secretId", Text), ("target", OneOf("username", "password", "script")))));
        var network = Set(
            ("mtuMeasurements", Flag), ("networkMeasurements", Flag), ("numPathTraces", numPathTraces), ("pathTraceMode", pathTraceMode),
            ("probeMode", probeMode), ("protocol", protocol), ("randomizedStartTime", Flag), ("fixedPacketRate", fixedPacketRate));

        var httpBase = Set(
            ("authType", OneOf("none", "basic", "ntlm", "kerberos", "oauth")),
            ("agentInterfaces", ObjectOf(Set(("ipAddress", Text), ("agentId", Text)))),
            ("bandwidthMeasurements", Flag), ("clientCertificate", Text), ("contentRegex", Text),
            ("customHeaders", ObjectOf(Set(("root", Map), ("domains", Map), ("all", Map)))),
            ("desiredStatusCode", Text), ("distributedTracing", Flag), ("downloadLimit", Integer), ("dnsOverride", Text),
            ("httpTargetTime", Range(100, 5000)), ("httpTimeLimit", Range(5, 60)), ("httpVersion", Range(1, 2)), ("includeHeaders", Flag),
            ("oAuth", ObjectOf(Set(
                ("testUrl", Text), ("requestMethod", OneOf("get", "post")), ("postBody", Text), ("headers", Text),
                ("authType", OneOf("none", "basic", "ntlm")), ("username", Text), ("password", Text)))),
            ("password", Text), ("sslVersionId", sslVersionId), ("url", Text.AsRequired()), ("useNtlm", Flag), ("userAgent", Text),
            ("username", Text), ("verifyCertificate", Flag), ("allowUnsafeLegacyRenegotiation", Flag), ("followRedirects", Flag),
            ("overrideAgentProxy", Flag), ("overrideProxyId", Text), ("collectProxyNetworkData", Flag), ("vaultCredentials", vaultCredentials));
        var browser = Set(
            ("emulatedDeviceId", Text), ("blockDomains", Text), ("disableScreenshot", Flag), ("allowMicAndCamera", Flag),
            ("allowGeolocation", Flag), ("browserLanguage", Text), ("chromeOptions", Text), ("chromePolicies", Text),
            ("chromiumTrack", OneOf("stable", "latest")), ("pageLoadingStrategy", OneOf("normal", "eager", "none")),
            ("identifyAgentTrafficWithUserAgent", Flag));

        var apiRequest = ObjectOf(Set(
            ("assertions", ListOf(ObjectOf(Set(
                ("name", OneOf("status-code", "response-body")),
                ("operator", OneOf("is", "is-not", "includes", "not-includes", "matches", "not-matches")),
                ("value", Text))))),
            ("authType", OneOf("none", "basic", "bearer-token", "oauth2")), ("bearerToken", Text), ("body", Text),
            ("clientAuthentication", OneOf("basic-auth-header", "in-body")), ("clientId", Text), ("clientSecret", Text),
            ("collectApiResponse", Flag), ("headers", ListOf(ObjectOf(Set(("key", Text), ("value", Text))))),
            ("method", OneOf("get", "post", "put", "delete", "patch")), ("name", Text.AsRequired()), ("password", Text),
            ("scope", Text), ("tokenUrl", Text), ("url", Text.AsRequired()), ("username", Text), ("variables", nameValue),
            ("verifyCertificate", Flag), ("waitTimeMs", Integer)));

        return Types(
            ("agent-to-agent", Merge(common, Set(
                ("direction", OneOf("to-target", "from-target", "bidirectional")), ("dscpId", dscpId), ("mss", Range(20, 1400)),
                ("numPathTraces", numPathTraces), ("pathTraceMode", pathTraceMode), ("port", Range(1, 65535)), ("protocol", OneOf("tcp", "udp")),
                ("randomizedStartTime", Flag), ("targetAgentId", Id.AsRequired()), ("throughputMeasurements", Flag),
                ("throughputDuration", Range(5000, 30000)), ("throughputRate", Range(8, 1000)), ("fixedPacketRate", fixedPacketRate)))),
            ("agent-to-server", Merge(common, network, Set(
                ("bandwidthMeasurements", Flag), ("continuousMode", Flag), ("server", Text.AsRequired()), ("dscpId", dscpId),
                ("ipv6Policy", ipv6Policy), ("pingPayloadSize", Range(0, 1400))))),
            ("http-server", Merge(common, network, httpBase, Set(
                ("headers", TextList), ("requestMethod", OneOf("get", "post")), ("postBody", Text), ("ipv6Policy", ipv6Policy)))),
            ("page-load", Merge(common, network, httpBase, browser, Set(
                ("pageLoadTargetTime", Range(1, 60)), ("pageLoadTimeLimit", Range(5, 60))))),
            ("web-transactions", Merge(common, network, httpBase, browser, Set(
                ("targetTime", Range(1, 180)), ("timeLimit", Range(5, 180)), ("transactionScript", Text.AsRequired()),
                ("flagCollectConsoleLogs", Flag), ("credentials", TextList)))),
            ("api", Merge(common, network, Set(
                ("clientCertificate", Text), ("clientCertDomainsAllowList", Text), ("collectProxyNetworkData", Flag),
                ("distributedTracing", Flag), ("followRedirects", Flag), ("overrideAgentProxy", Flag), ("overrideProxyId", Text),
                ("predefinedVariables", nameValue), ("requests", ListOf(apiRequest).AsRequired()), ("sslVersionId", sslVersionId),
                ("targetTime", Range(0, 60)), ("timeLimit", Range(5, 180)), ("url", Text.AsRequired()), ("credentials", TextList),
                ("vaultCredentials", vaultCredentials)))
                .Where(f => f.Key != "fixedPacketRate")),
            ("ftp-server", Merge(common, network, Set(
                ("bandwidthMeasurements", Flag), ("downloadLimit", Integer), ("ftpTargetTime", Range(1000, 6000)), ("ftpTimeLimit", Range(10, 60)),
                ("password", Text.AsRequired()), ("requestType", OneOf("download", "upload", "list").AsRequired()), ("url", Text.AsRequired()),
                ("useActiveFtp", Flag), ("useExplicitFtps", Flag), ("username", Text.AsRequired()), ("ipv6Policy", ipv6Policy)))),
            ("dns-server", Merge(common, network, Set(
                ("bandwidthMeasurements", Flag), ("dnsServers", new FieldSpec(FieldKind.DnsServers) { Required = true }),
                ("dnsTransportProtocol", OneOf("udp", "tcp")), ("domain", Text.AsRequired()), ("recursiveQueries", Flag),
                ("ipv6Policy", ipv6Policy), ("dnsQueryClass", OneOf("in", "ch"))))),
            ("dns-trace", Merge(common, Set(
                ("dnsTransportProtocol", OneOf("udp", "tcp")), ("domain", Text.AsRequired()), ("dnsQueryClass", OneOf("in", "ch")),
                ("randomizedStartTime", Flag)))),
            ("dnssec", Merge(common, Set(("domain", Text.AsRequired()), ("dnsQueryClass", OneOf("in", "ch")), ("randomizedStartTime", Flag)))),
            ("sip-server", Merge(common, network, Set(
                ("optionsRegex", Text), ("registerEnabled", Flag), ("sipTargetTime", Range(100, 5000)), ("sipTimeLimit", Range(5, 10)),
                ("ipv6Policy", ipv6Policy),
                // sipRegistrar is optional in TestSipCredentials; the client requires it: it is the test's target.
                ("targetSipCredentials", ObjectOf(Set(
                    ("authUser", Text), ("password", Text), ("port", Range(1, 65535).AsRequired()), ("protocol", OneOf("tcp", "tls", "udp")),
                    ("sipRegistrar", Text.AsRequired()), ("user", Text))).AsRequired())))
                .Where(f => f.Key != "protocol")),
            ("voice", Merge(common, Set(
                // codecId is a string in VoiceProperties; 7.0.100 lists the ids 0-9 in its description.
                ("codecId", DigitsOf(0, 1, 2, 3, 4, 5, 6, 7, 8, 9)), ("dscpId", dscpId), ("duration", Range(5, 30)), ("jitterBuffer", Range(0, 150)),
                ("numPathTraces", numPathTraces), ("port", Range(1024, 65535)), ("randomizedStartTime", Flag), ("targetAgentId", Id.AsRequired())))));
    }

    private static FrozenDictionary<string, FrozenDictionary<string, FieldSpec>> BuildV6()
    {
        var common = Set(("testName", Text), ("description", Text));
        var numPathTraces = Range(1, 10);
        var dscpId = IntegerOf(0, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30, 32, 34, 36, 38, 40, 44, 46, 48, 56);
        var network = Set(
            ("mtuMeasurements", Flag), ("networkMeasurements", Flag), ("numPathTraces", numPathTraces), ("pathTraceMode", OneOf("classic", "inSession")),
            ("probeMode", OneOf("AUTO", "SACK", "SYN")), ("protocol", OneOf("TCP", "ICMP")));
        var web = Merge(network, Set(
            ("authType", OneOf("NONE", "BASIC", "NTLM", "KERBEROS")), ("bandwidthMeasurements", Flag), ("contentRegex", Text),
            ("customHeaders", ObjectOf(Set(("root", Map), ("all", Map), ("domains", Map)))), ("followRedirects", Flag),
            ("httpTargetTime", Range(100, 5000)), ("httpTimeLimit", Integer), ("httpVersion", Range(1, 2)), ("password", Text),
            ("sslVersionId", IntegerOf(0, 3, 4, 5, 6)), ("url", Text.AsRequired()), ("useNtlm", Flag), ("userAgent", Text), ("username", Text),
            ("verifyCertificate", Flag)));
        var transactions = Merge(common, web, Set(
            ("transactionScript", Text.AsRequired()), ("credentials", ListOf(Integer)), ("desiredStatusCode", Text), ("includeHeaders", Flag),
            ("targetTime", Range(1, 60)), ("timeLimit", Range(5, 180))));

        return Types(
            ("agent-to-server", Merge(common, network, Set(
                ("server", Text.AsRequired()), ("port", Range(1, 65535)), ("bandwidthMeasurements", Flag), ("usePublicBgp", Flag)))),
            ("agent-to-agent", Merge(common, Set(
                ("targetAgentId", Id.AsRequired()), ("direction", OneOf("TO_TARGET", "FROM_TARGET", "BIDIRECTIONAL")), ("protocol", OneOf("TCP", "UDP")),
                ("port", Range(1, 65535)), ("dscpId", dscpId), ("mss", Range(30, 1400)), ("numPathTraces", numPathTraces),
                ("pathTraceMode", OneOf("classic", "inSession")), ("networkMeasurements", Flag), ("mtuMeasurements", Flag),
                ("throughputMeasurements", Flag), ("throughputDuration", Range(5000, 30000)), ("throughputRate", Range(8, 1000)),
                ("usePublicBgp", Flag)))),
            ("http-server", Merge(common, web, Set(
                ("desiredStatusCode", Text), ("downloadLimit", Integer), ("dnsOverride", Text), ("headers", TextList), ("postBody", Text),
                ("clientCertificate", Text)))),
            ("page-load", Merge(common, web, Set(
                // The v6 test-interval set (Terraform v2.0.10 'interval'); the v6 docs give httpInterval the interval's values.
                ("httpInterval", IntegerOf(60, 120, 300, 600, 900, 1800, 3600).AsRequired()), ("includeHeaders", Flag),
                ("pageLoadTargetTime", Range(1, 30)), ("pageLoadTimeLimit", Range(5, 60)), ("usePublicBgp", Flag)))),
            ("web-transactions", transactions),
            ("transactions", transactions),
            ("ftp-server", Merge(common, network, Set(
                ("url", Text.AsRequired()), ("username", Text.AsRequired()), ("password", Text.AsRequired()),
                ("requestType", OneOf("Download", "Upload", "List").AsRequired()), ("downloadLimit", Integer), ("ftpTargetTime", Range(1000, 6000)),
                ("ftpTimeLimit", Range(10, 60)), ("useActiveFtp", Flag), ("useExplicitFtps", Flag)))),
            ("dns-trace", Merge(common, Set(("domain", Text.AsRequired()), ("dnsTransportProtocol", OneOf("UDP", "TCP"))))),
            ("dns-server", Merge(common, network, Set(
                ("domain", Text.AsRequired()), ("dnsServers", new FieldSpec(FieldKind.DnsServers) { Required = true }), ("bandwidthMeasurements", Flag),
                ("dnsTransportProtocol", OneOf("UDP", "TCP")), ("recursiveQueries", Flag), ("usePublicBgp", Flag)))),
            ("dns-dnssec", Merge(common, Set(("domain", Text.AsRequired())))),
            ("sip-server", Merge(common, network, Set(
                ("targetSipCredentials", ObjectOf(Set(
                    ("authUser", Text), ("password", Text), ("port", Range(1, 65535).AsRequired()), ("protocol", OneOf("TCP", "TLS", "UDP")),
                    ("sipProxy", Text), ("sipRegistrar", Text.AsRequired()), ("user", Text))).AsRequired()),
                // Also wanted at the top level in v6; the serialiser copies them from targetSipCredentials.
                ("port", Range(1, 65535)), ("sipRegistrar", Text), ("registerEnabled", Flag), ("sipTargetTime", Range(100, 5000)),
                ("sipTimeLimit", Range(5, 10)), ("usePublicBgp", Flag)))
                .Where(f => f.Key != "protocol")),
            ("voice", Merge(common, Set(
                ("targetAgentId", Id.AsRequired()), ("codecId", Range(0, 8)), ("dscpId", dscpId), ("duration", Range(5, 30)),
                ("jitterBuffer", Range(0, 150)), ("mtuMeasurements", Flag), ("numPathTraces", numPathTraces), ("usePublicBgp", Flag)))));
    }

    private static KeyValuePair<string, FieldSpec>[] Set(params (string Name, FieldSpec Spec)[] fields) =>
        [.. fields.Select(f => KeyValuePair.Create(f.Name, f.Spec))];

    // Later groups win: a type's own entry (e.g. a narrower protocol list) replaces the shared one.
    private static Dictionary<string, FieldSpec> Merge(params IEnumerable<KeyValuePair<string, FieldSpec>>[] groups)
    {
        var merged = new Dictionary<string, FieldSpec>(StringComparer.Ordinal);
        foreach (var (name, spec) in groups.SelectMany(g => g))
        {
            merged[name] = spec;
        }

        return merged;
    }

    private static FrozenDictionary<string, FrozenDictionary<string, FieldSpec>> Types(params (string Type, IEnumerable<KeyValuePair<string, FieldSpec>> Fields)[] types) =>
        types.ToFrozenDictionary(t => t.Type, t => t.Fields.ToFrozenDictionary(StringComparer.Ordinal), StringComparer.Ordinal);
}
