using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AlertProbe.ThousandEyes.Http;

/// <summary>Tolerant reads of response JSON: v6 and v7 differ in ids (number/string), booleans (0/1) and dates.</summary>
internal static class JsonNodeReader
{
    public static string? AsString(JsonNode? node) => node is JsonValue value
        ? value.GetValueKind() switch
        {
            JsonValueKind.String => value.GetValue<string>(),
            JsonValueKind.Number => value.ToJsonString(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => null,
        }
        : null;

    public static long? AsLong(JsonNode? node) =>
        AsString(node) is { } text && long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    public static bool? AsBoolean(JsonNode? node) => node is JsonValue value
        ? value.GetValueKind() switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Number => AsLong(node) is { } n ? n != 0 : null,
            JsonValueKind.String => bool.TryParse(value.GetValue<string>(), out var b) ? b : null,
            _ => null,
        }
        : null;

    /// <summary>ISO 8601 (v7) or "yyyy-MM-dd HH:mm:ss" in UTC (v6), or epoch seconds.</summary>
    public static DateTimeOffset? AsDate(JsonNode? node)
    {
        if (node is JsonValue value && value.GetValueKind() == JsonValueKind.Number && AsLong(node) is { } epoch)
        {
            return DateTimeOffset.FromUnixTimeSeconds(epoch);
        }

        var text = AsString(node);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var date)
            ? date
            : null;
    }

    /// <summary>Parses a body, or null when it is empty or not JSON.</summary>
    public static JsonNode? TryParse(string body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(body);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
