using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using static AlertProbe.ThousandEyes.Requests.InstantTestFields;

namespace AlertProbe.ThousandEyes.Requests;

/// <summary>Reads given values the way the catalogue's kinds take them (templated values arrive as text).</summary>
internal static class FieldValues
{
    /// <summary>A string, or a number's JSON text (a templated "200" and a literal 200 are the same status code).</summary>
    public static string? Text(JsonNode? node) =>
        JsonFieldValues.TryGetString(node, out var text) ? text
        : node is JsonValue value && value.GetValueKind() == JsonValueKind.Number ? value.ToJsonString()
        : null;

    /// <summary>
    /// The allowed value <paramref name="node"/> names, spelled as the version writes it. Case, '-', '_' and spaces are
    /// ignored, so "in-session", "inSession" and "IN_SESSION" all name the same path-trace mode.
    /// </summary>
    public static string? Choose(FieldSpec spec, JsonNode? node)
    {
        var text = JsonFieldValues.TryGetInteger(node, out var number) ? number.ToString(CultureInfo.InvariantCulture) : Text(node);
        if (text is null)
        {
            return null;
        }

        var key = Squash(text);
        return spec.Values!.FirstOrDefault(v => Squash(v) == key);
    }

    /// <summary>The server name of a dnsServers entry given as a string or as {"serverName": …}; null when neither.</summary>
    public static string? DnsServerName(JsonNode? entry)
    {
        if (JsonFieldValues.TryGetString(entry, out var name) && !string.IsNullOrWhiteSpace(name))
        {
            return name.Trim();
        }

        return entry is JsonObject obj && JsonFieldValues.TryGetString(obj[ServerName], out var serverName) && !string.IsNullOrWhiteSpace(serverName)
            ? serverName.Trim()
            : null;
    }

    private static string Squash(string text) =>
        string.Concat(text.Where(ch => ch is not ('-' or '_' or ' '))).ToUpperInvariant();
}
