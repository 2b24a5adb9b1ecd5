using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AlertProbe.Core.Planning;

/// <summary>
/// Identifies "the same test": test type + normalised target (+ DNS servers for dns-server) + agent selection
/// + account group. Plans with equal keys within a cooldown window are coalesced into one test. Spelling
/// does not matter (<c>https://Shop.example.com:443</c> = <c>https://shop.example.com/</c>); agents do.
/// </summary>
public readonly record struct CoalescingKey
{
    private CoalescingKey(string value) => Value = value;

    /// <summary>The readable key, e.g. <c>http-server|https://shop.example.com/|labels=probes;max=2|aid=-</c>.</summary>
    public string Value { get; }

    public static CoalescingKey For(TestPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var type = InstantTestTypes.TryFind(plan.TestType, out var known) ? known.Name : plan.TestType.Trim().ToLowerInvariant();
        var target = TargetNormalizer.Normalize(type, plan.Target);
        if (type == "dns-server" && DnsServers(plan.Fields) is { Length: > 0 } servers)
        {
            target += "@" + servers;
        }

        var account = string.IsNullOrWhiteSpace(plan.AccountGroupId) ? "-" : plan.AccountGroupId.Trim();
        return new CoalescingKey($"{type}|{target}|{Describe(plan.Agents)}|aid={account}");
    }

    /// <summary>
    /// A fixed-length form safe for storage keys (Azure Table keys refuse '/', '\', '#', '?'):
    /// lower-case hex SHA-256 of <see cref="Value"/>.
    /// </summary>
    public string ToStorageKey() => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Value ?? string.Empty)));

    public override string ToString() => Value;

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
