using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AlertProbe.Core.Addresses;
using AlertProbe.Core.Outcomes;
using AlertProbe.Core.Planning;
using AlertProbe.ThousandEyes.Requests;
using Microsoft.Extensions.Options;

namespace AlertProbe.Core.Policy;

/// <summary>
/// Decides whether a plan's targets may be probed. Every address-bearing field of the test type
/// (<see cref="InstantTestAddressFields"/>) and the plan's main target are read through the one canonicaliser
/// (<see cref="AddressCanonicalizer"/>, WHATWG host parsing), judged in that canonical form, and — when allowed —
/// written back in it, so what ThousandEyes receives is exactly what was judged. Each must have the shape its
/// field needs, carry no credentials, whitespace or control characters, and pass the deny/allow lists and the
/// built-in refusals (<see cref="ReservedTargets"/>); a refusal names the field.
/// The policy never resolves names: a name that resolves to a private or loopback address (DNS rebinding) is
/// out of its scope; the agents, not this app, do the resolving.
/// </summary>
public sealed partial class TargetPolicy
{
    private static readonly string[] WebSchemes = ["http", "https"];
    private static readonly string[] FtpSchemes = ["ftp", "ftps", "sftp"];

    private readonly AddressJudge judge;

    public TargetPolicy(IOptions<TargetPolicyOptions> options)
        : this(options?.Value ?? throw new ArgumentNullException(nameof(options)))
    {
    }

    /// <summary>Builds the policy; options must already be valid (see <c>AddTargetPolicy</c>'s validation).</summary>
    public TargetPolicy(TargetPolicyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        judge = new AddressJudge(options);
    }

    /// <summary>Judges every address of the plan; when allowed, the decision carries the plan with each address in canonical form.</summary>
    public PolicyDecision Evaluate(TestPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var type = InstantTestType.Parse(plan.TestType);
        if (type.UnknownReason is { } reason)
        {
            return PolicyDecision.Denied(RejectionReasons.UnsupportedTestType, reason);
        }

        // The main target is named by the field it comes from, like every other refusal.
        var mainKind = MainKind(type);
        var main = Check(type, mainKind, MainField(type), plan.Target, out var canonicalTarget);
        if (main is not null)
        {
            return main;
        }

        var fields = (JsonObject)plan.Fields.DeepClone();
        foreach (var value in InstantTestAddressFields.Find(type, fields))
        {
            if (value.ShapeProblem is { } problem)
            {
                return Invalid(value.Field, problem);
            }

            var text = value.Text;
            if (text is null)
            {
                if (value.Definition.Kind == InstantTestAddressKind.AgentId && value.Node is JsonValue number && number.GetValueKind() == JsonValueKind.Number)
                {
                    text = number.ToJsonString();
                }
                else
                {
                    return Invalid(value.Field, $"must be a string, not {Kind(value.Node)}");
                }
            }

            var decision = Check(type, value.Definition.Kind, value.Field, text, out var canonical);
            if (decision is not null)
            {
                return decision;
            }

            if (canonical is not null && canonical != text)
            {
                value.Replace(canonical);
            }
        }

        var target = mainKind is InstantTestAddressKind.WebUrl or InstantTestAddressKind.FtpUrl or InstantTestAddressKind.Endpoint or InstantTestAddressKind.DnsQuery
            ? TargetNormalizer.Normalize(type.Name, canonicalTarget ?? plan.Target)
            : plan.Target;
        return PolicyDecision.Allowed(plan with { Target = target, Fields = fields });
    }

    private static string MainField(InstantTestType type) => type.TargetKind switch
    {
        TestTargetKind.Url => "url",
        TestTargetKind.Server => "server",
        TestTargetKind.Domain => "domain",
        TestTargetKind.SipRegistrar => "targetSipCredentials.sipRegistrar",
        _ => "targetAgentId",
    };

    private static InstantTestAddressKind MainKind(InstantTestType type) => type.TargetKind switch
    {
        TestTargetKind.Url => type == InstantTestType.FtpServer ? InstantTestAddressKind.FtpUrl : InstantTestAddressKind.WebUrl,
        TestTargetKind.Server or TestTargetKind.SipRegistrar => InstantTestAddressKind.Endpoint,
        TestTargetKind.Domain => InstantTestAddressKind.DnsQuery,
        _ => InstantTestAddressKind.AgentId,
    };

    /// <summary>Null when allowed (with <paramref name="canonical"/> the form to send, null when it is sent as given); else the refusal.</summary>
    private PolicyDecision? Check(InstantTestType type, InstantTestAddressKind kind, string field, string value, out string? canonical)
    {
        canonical = null;
        if (value.Length == 0)
        {
            return Invalid(field, "it is empty");
        }

        if (kind is not InstantTestAddressKind.Script
            && (value.Any(char.IsControl) || (kind != InstantTestAddressKind.DnsQuery && value.Any(char.IsWhiteSpace))))
        {
            return Invalid(field, $"{Show(value)} contains whitespace or control characters");
        }

        switch (kind)
        {
            case InstantTestAddressKind.WebUrl:
                return CheckUrl(type, field, value, WebSchemes, out canonical);
            case InstantTestAddressKind.FtpUrl:
                return CheckUrl(type, field, value, FtpSchemes, out canonical);
            case InstantTestAddressKind.Endpoint:
                if (AddressCanonicalizer.LooksLikeUrl(value))
                {
                    return Invalid(field, $"{Show(value)} is a URL; {type.Name} needs a host or host:port");
                }

                if (!AddressCanonicalizer.TryParseEndpoint(value, out var endpoint, out var error))
                {
                    return Invalid(field, $"{Show(value)} is not a host or host:port: {error}");
                }

                canonical = endpoint.ToString();
                return Judge(field, endpoint.Host);
            case InstantTestAddressKind.IPAddress:
                if (!HostParser.TryParse(value, out var ip, out error))
                {
                    return Invalid(field, $"{Show(value)} is not an IP address: {error}");
                }

                if (!ip.IsIPAddress)
                {
                    return Invalid(field, $"{Show(value)} is a name; this field takes an IP address");
                }

                canonical = ip.Text;
                return Judge(field, ip);
            case InstantTestAddressKind.DnsQuery:
                return CheckDomain(field, value, out canonical);
            case InstantTestAddressKind.AgentId:
                var id = value.StartsWith("agent:", StringComparison.Ordinal) ? value["agent:".Length..] : value;
                return AgentId().IsMatch(id) ? null : Invalid(field, $"{Show(value)} is not an agent id");
            case InstantTestAddressKind.Script:
                return CheckScript(type, field, value);
            default:
                return Invalid(field, $"{type.Name} has no target rule");
        }
    }

    private PolicyDecision? CheckUrl(InstantTestType type, string field, string value, string[] schemes, out string? canonical)
    {
        canonical = null;
        var schemeEnd = value.IndexOf("://", StringComparison.Ordinal);
        var scheme = schemeEnd > 0 ? value[..schemeEnd].ToLowerInvariant() : null;
        if (scheme is not null && !schemes.Contains(scheme) && SchemeName().IsMatch(scheme))
        {
            return Invalid(field, $"scheme '{scheme}' is not allowed for {type.Name} (use {string.Join(" or ", schemes)})");
        }

        if (schemeEnd > 0 && value.IndexOfAny(['/', '?', '#'], schemeEnd + 3) is var end
            && value.AsSpan(schemeEnd + 3, (end < 0 ? value.Length : end) - schemeEnd - 3).Contains("{{", StringComparison.Ordinal))
        {
            return Invalid(field, "variables ({{…}}) are resolved by the agent after this check: they may be used in a path or query, never in the host");
        }

        if (!AddressCanonicalizer.TryParseUrl(value, out var url, out var error))
        {
            return Invalid(field, $"{Show(value)} is not an absolute URL: {error}");
        }

        if (url.HadUserInfo)
        {
            // Never echo the URL: the user info may be a password.
            return Invalid(field, $"the URL for host '{url.Host}' carries credentials (user:password@); credentials are never accepted in a URL");
        }

        canonical = url.ToString();
        return Judge(field, url.Host);
    }

    private PolicyDecision? CheckDomain(string field, string value, out string? canonical)
    {
        canonical = null;
        var parts = value.Split(' ');
        if (parts.Length > 2 || parts.Any(part => part.Length == 0) || (parts.Length == 2 && !RecordType().IsMatch(parts[1])))
        {
            return Invalid(field, $"{Show(value)} is not a domain optionally followed by one record type (\"example.com A\")");
        }

        if (!HostParser.TryParse(parts[0], out var host, out var error))
        {
            return Invalid(field, $"{Show(value)} is not a domain name: {error}");
        }

        if (host.IsIPAddress)
        {
            return Invalid(field, $"{Show(value)} is an IP address ({host}); a DNS test needs a domain name");
        }

        canonical = parts.Length == 2 ? $"{host.Text} {parts[1].ToUpperInvariant()}" : host.Text;
        return Judge(field, host);
    }

    /// <summary>
    /// A transaction script is code: it may navigate anywhere, and what it computes at run time is beyond any
    /// check made before it runs. Every URL written in it is judged like a url field; a URL whose host is built
    /// at run time (<c>https://${host}/</c>) cannot be judged and is refused.
    /// </summary>
    private PolicyDecision? CheckScript(InstantTestType type, string field, string script)
    {
        foreach (Match match in ScriptUrl().Matches(script))
        {
            var decision = CheckUrl(type, field, match.Value, WebSchemes.Concat(["ws", "wss"]).ToArray(), out _);
            if (decision is not null)
            {
                return decision;
            }
        }

        return null;
    }

    private PolicyDecision? Judge(string field, CanonicalHost host) =>
        judge.Judge(host) is { } refusal ? PolicyDecision.Denied(refusal.Reason, $"{field}: {refusal.Description}") : null;

    private static PolicyDecision Invalid(string field, string detail) =>
        PolicyDecision.Denied(RejectionReasons.InvalidField, $"{field}: {detail}");

    private static string Kind(JsonNode? node) => node switch
    {
        JsonArray => "an array",
        JsonObject => "an object",
        JsonValue value => value.GetValueKind().ToString().ToLowerInvariant(),
        _ => "null",
    };

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

    [GeneratedRegex("^[A-Za-z0-9-]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex AgentId();

    [GeneratedRegex("^[a-z][a-z0-9+.-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex SchemeName();

    [GeneratedRegex("^[A-Za-z0-9]{1,10}$", RegexOptions.CultureInvariant)]
    private static partial Regex RecordType();

    [GeneratedRegex("://[^/?#]*@", RegexOptions.CultureInvariant)]
    private static partial Regex UserInfo();

    // scheme://… up to a quote, whitespace or a character that ends a string in JavaScript or HTML.
    [GeneratedRegex("""[A-Za-z][A-Za-z0-9+.\-]*://[^\s'"`<>()]+""", RegexOptions.CultureInvariant)]
    private static partial Regex ScriptUrl();
}
