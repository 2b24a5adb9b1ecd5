using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json.Nodes;

namespace AlertProbe.ThousandEyes.Requests;

/// <summary>
/// The one list of every instant-test field that makes an agent connect somewhere (or that replaces where it
/// connects), per type. Taken from the v7 OpenAPI document's instant-test request schemas (7.0.85,
/// <c>/tests/{type}/instant</c> request bodies) and the v6 bodies the serialisers write; a policy that judges
/// targets must judge every one of these.
/// <para>
/// Deliberately not listed (no connection is made to them): <c>agents[].sourceIpAddress</c> and
/// <c>agentInterfaces.ipAddress</c> (the agent's own interface), <c>overrideProxyId</c> (an id of a proxy the
/// account configured), <c>customHeaders</c> (header values, such as <c>Host</c>, change what is asked, not where
/// the connection goes), <c>blockDomains</c> and <c>clientCertDomainsAllowList</c> (names excluded or allowed a
/// certificate, never connected to), <c>predefinedVariables</c> (refused wherever they would reach a host: see
/// the policy).
/// </para>
/// </summary>
public static class InstantTestAddressFields
{
    private static readonly InstantTestAddressField Url = new(InstantTestFields.Url, InstantTestAddressKind.WebUrl);

    // The agent connects to this IP instead of what DNS says for the URL's host.
    private static readonly InstantTestAddressField DnsOverride = new("dnsOverride", InstantTestAddressKind.IPAddress);

    private static readonly InstantTestAddressField OAuthTestUrl = new("oAuth.testUrl", InstantTestAddressKind.WebUrl);

    private static readonly InstantTestAddressField Script = new(InstantTestFields.TransactionScript, InstantTestAddressKind.Script);

    private static readonly InstantTestAddressField Domain = new(InstantTestFields.Domain, InstantTestAddressKind.DnsQuery);

    private static readonly InstantTestAddressField TargetAgent = new(InstantTestFields.TargetAgentId, InstantTestAddressKind.AgentId);

    private static readonly FrozenDictionary<string, IReadOnlyList<InstantTestAddressField>> ByType = new Dictionary<string, IReadOnlyList<InstantTestAddressField>>
    {
        [InstantTestType.AgentToServer.Name] = [new(InstantTestFields.Server, InstantTestAddressKind.Endpoint)],
        [InstantTestType.AgentToAgent.Name] = [TargetAgent],
        [InstantTestType.Voice.Name] = [TargetAgent],
        [InstantTestType.HttpServer.Name] = [Url, DnsOverride, OAuthTestUrl],
        [InstantTestType.PageLoad.Name] = [Url, DnsOverride, OAuthTestUrl],
        [InstantTestType.WebTransactions.Name] = [Url, DnsOverride, OAuthTestUrl, Script],
        // v6 only; its schema is not on disk here, so it gets every field its v7 successor has.
        [InstantTestType.Transactions.Name] = [Url, DnsOverride, OAuthTestUrl, Script],
        [InstantTestType.Api.Name] =
        [
            Url,
            new("requests[].url", InstantTestAddressKind.WebUrl),
            new("requests[].tokenUrl", InstantTestAddressKind.WebUrl),
        ],
        [InstantTestType.FtpServer.Name] = [new(InstantTestFields.Url, InstantTestAddressKind.FtpUrl)],
        [InstantTestType.DnsServer.Name] = [Domain, new("dnsServers[]", InstantTestAddressKind.Endpoint, InstantTestFields.ServerName)],
        [InstantTestType.DnsTrace.Name] = [Domain],
        [InstantTestType.Dnssec.Name] = [Domain],
        [InstantTestType.SipServer.Name] =
        [
            new("targetSipCredentials.sipRegistrar", InstantTestAddressKind.Endpoint),
            // v6 also takes sipRegistrar at the top level, and the v6 serialiser keeps one given there.
            new(InstantTestFields.SipRegistrar, InstantTestAddressKind.Endpoint),
        ],
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The address-bearing fields of <paramref name="type"/>; empty for a type outside the catalogue.</summary>
    public static IReadOnlyList<InstantTestAddressField> Of(InstantTestType type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return ByType.TryGetValue(type.Name, out var fields) ? fields : [];
    }

    /// <summary>
    /// Every occurrence of an address-bearing field in <paramref name="fields"/> (array entries one by one), plus
    /// an occurrence with a <see cref="InstantTestAddressValue.ShapeProblem"/> for each value that is not where or
    /// what an address should be: a string where an array or object belongs (or the reverse), or a member whose name
    /// differs from an address field's only in case (an API that matches names loosely would read it).
    /// </summary>
    public static IEnumerable<InstantTestAddressValue> Find(InstantTestType type, JsonObject fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        foreach (var field in Of(type))
        {
            foreach (var value in Walk(fields, field, field.Path.Split('.'), 0, string.Empty))
            {
                yield return value;
            }
        }
    }

    private static IEnumerable<InstantTestAddressValue> Walk(JsonObject obj, InstantTestAddressField field, string[] segments, int depth, string prefix)
    {
        var segment = segments[depth];
        var isArray = segment.EndsWith("[]", StringComparison.Ordinal);
        var key = isArray ? segment[..^2] : segment;
        var last = depth == segments.Length - 1;
        foreach (var name in obj.Select(member => member.Key).ToList())
        {
            if (!string.Equals(name, key, StringComparison.Ordinal) && string.Equals(name, key, StringComparison.OrdinalIgnoreCase))
            {
                yield return new(prefix + name, field, obj[name], obj, name, -1, $"'{name}' differs from the address field '{key}' only in case; write '{key}'");
            }
        }

        var child = obj[key];
        if (child is null)
        {
            yield break;
        }

        if (!isArray)
        {
            if (last)
            {
                yield return Leaf(field, prefix + key, child, obj, key, -1);
            }
            else if (child is JsonObject inner)
            {
                foreach (var value in Walk(inner, field, segments, depth + 1, prefix + key + "."))
                {
                    yield return value;
                }
            }
            else
            {
                yield return new(prefix + key, field, child, obj, key, -1, $"{prefix}{key} must be an object");
            }

            yield break;
        }

        if (child is not JsonArray array)
        {
            yield return new(prefix + key, field, child, obj, key, -1, $"{prefix}{key} must be an array");
            yield break;
        }

        for (var i = 0; i < array.Count; i++)
        {
            var itemName = string.Create(CultureInfo.InvariantCulture, $"{prefix}{key}[{i}]");
            if (last)
            {
                yield return Leaf(field, itemName, array[i], array, null, i);
            }
            else if (array[i] is JsonObject inner)
            {
                foreach (var value in Walk(inner, field, segments, depth + 1, itemName + "."))
                {
                    yield return value;
                }
            }
            else
            {
                yield return new(itemName, field, array[i], array, null, i, $"{itemName} must be an object");
            }
        }
    }

    private static InstantTestAddressValue Leaf(InstantTestAddressField field, string name, JsonNode? node, JsonNode parent, string? key, int index)
    {
        if (field.ObjectMember is { } member && node is JsonObject entry)
        {
            return new(name + "." + member, field, entry[member], entry, member, -1, entry[member] is null ? $"{name} has no {member}" : null);
        }

        return new(name, field, node, parent, key, index, null);
    }
}
