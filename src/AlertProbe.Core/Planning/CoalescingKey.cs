using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AlertProbe.ThousandEyes.Requests;

namespace AlertProbe.Core.Planning;

/// <summary>
/// Identifies "the same test": test type + normalised target (+ DNS servers for dns-server) + agent selection
/// + account group. Plans with equal keys within a cooldown window are coalesced into one test. Spelling
/// does not matter (<c>https://Shop.example.com:443</c> = <c>https://shop.example.com/</c>); agents do.
/// </summary>
public readonly partial record struct CoalescingKey
{
    private CoalescingKey(string value, string display)
    {
        Value = value;
        Display = display;
    }

    /// <summary>
    /// The readable key, e.g. <c>http-server|https://shop.example.com/|labels=probes;max=2|aid=-</c>: the key's identity.
    /// It keeps the URL's query (different queries are different tests), which may hold a token: log <see cref="Display"/>.
    /// </summary>
    public string Value { get; }

    /// <summary>
    /// <see cref="Value"/> fit for logs and messages: query values and any URL user info masked
    /// (<c>https://shop.example.com/a?token=…&amp;page=…</c>).
    /// </summary>
    public string Display { get; }

    public static CoalescingKey For(TestPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var type = InstantTestType.Parse(plan.TestType).Name;
        // A DNS test's identity is its query, record type included, however the plan spelled its target
        // (a rule keeps "example.com A", a manual request "example.com").
        var domain = InstantTestType.Parse(type).TargetKind == TestTargetKind.Domain
            && plan.Fields["domain"] is JsonValue value && value.TryGetValue<string>(out var query) ? query : null;
        var target = TargetNormalizer.Normalize(type, domain ?? plan.Target);
        if (type == "dns-server" && DnsServers(plan.Fields) is { Length: > 0 } servers)
        {
            target += "@" + servers;
        }

        var account = string.IsNullOrWhiteSpace(plan.AccountGroupId) ? "-" : plan.AccountGroupId.Trim();
        var agents = Describe(plan.Agents);
        return new CoalescingKey($"{type}|{target}|{agents}|aid={account}", $"{type}|{Redact(target)}|{agents}|aid={account}");
    }

    /// <summary>
    /// A fixed-length form safe for storage keys (Azure Table keys refuse '/', '\', '#', '?'):
    /// lower-case hex SHA-256 of <see cref="Value"/>.
    /// </summary>
    public string ToStorageKey() => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Value ?? string.Empty)));

    /// <summary>Identity is <see cref="Value"/> alone; <see cref="Display"/> is only its redacted spelling.</summary>
    public bool Equals(CoalescingKey other) => string.Equals(Value, other.Value, StringComparison.Ordinal);

    public override int GetHashCode() => Value is null ? 0 : StringComparer.Ordinal.GetHashCode(Value);

    /// <summary>The redacted form (<see cref="Display"/>), so interpolating a key into a log cannot leak a query token.</summary>
    public override string ToString() => Display ?? string.Empty;

    /// <summary>A stable description of an agent selection: each kind sorted, names and types lower-case, countries upper-case.</summary>
    public static string Describe(AgentSelector agents)
    {
        ArgumentNullException.ThrowIfNull(agents);
        var parts = new List<string>();
        Add("ids", agents.Ids, value => value.Trim());
        Add("names", agents.Names, value => value.Trim().ToLowerInvariant());
        Add("labels", agents.Labels, value => value.Trim().ToLowerInvariant());
        Add("countries", agents.Countries, value => value.Trim().ToUpperInvariant());
        Add("types", agents.Types, value => value.Trim().ToLowerInvariant());
        if (agents.Max is { } max)
        {
            parts.Add("max=" + max.ToString(CultureInfo.InvariantCulture));
        }

        return parts.Count == 0 ? "any" : string.Join(';', parts);

        void Add(string name, IReadOnlyList<string> values, Func<string, string> normalize)
        {
            if (values.Count > 0)
            {
                parts.Add(name + "=" + string.Join(',', values.Select(normalize).Distinct().Order(StringComparer.Ordinal)));
            }
        }
    }

    /// <summary>
    /// Masks what in a target may be a secret: every query value (names stay, they say what was masked) and user info.
    /// Unparseable targets keep their raw text in the key, so the masking works on text, not on a parsed URL.
    /// </summary>
    private static string Redact(string target)
    {
        var masked = UserInfo().Replace(target, "://***@");
        var queryAt = masked.IndexOf('?', StringComparison.Ordinal);
        if (queryAt < 0)
        {
            return masked;
        }

        var parameters = masked[(queryAt + 1)..]
            .Split('&')
            .Select(parameter => parameter.IndexOf('=', StringComparison.Ordinal) is var equals and >= 0
                ? parameter[..(equals + 1)] + "…"
                : parameter.Length == 0 ? parameter : "…");
        return masked[..(queryAt + 1)] + string.Join('&', parameters);
    }

    [GeneratedRegex("://[^/?#]*@", RegexOptions.CultureInvariant)]
    private static partial Regex UserInfo();

    private static string DnsServers(JsonObject fields)
    {
        if (fields["dnsServers"] is not JsonArray servers)
        {
            return string.Empty;
        }

        // v7 sends plain names, v6 {"serverName": …}: both count.
        var names = servers
            .Select(server => server is JsonObject obj ? obj["serverName"] : server)
            .OfType<JsonValue>()
            .Where(value => value.GetValueKind() == JsonValueKind.String)
            .Select(value => value.GetValue<string>().Trim().TrimEnd('.').ToLowerInvariant())
            .Distinct()
            .Order(StringComparer.Ordinal);
        return string.Join(',', names);
    }
}
