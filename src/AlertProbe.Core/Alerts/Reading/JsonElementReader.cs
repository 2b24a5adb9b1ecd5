using System.Globalization;
using System.Text.Json;

namespace AlertProbe.Core.Alerts.Reading;

/// <summary>
/// Lenient reads over <see cref="JsonElement"/>: vendors send numbers as strings and strings as numbers,
/// put nulls where a value is optional and occasionally change the casing of a property name. None of
/// these reads throws, whatever the element's kind.
/// </summary>
internal static class JsonElementReader
{
    /// <summary>The property's value when <paramref name="element"/> is an object and the value is not null.</summary>
    public static bool TryGetValue(this JsonElement element, string name, out JsonElement value)
    {
        value = default;
        if (element.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        if (element.TryGetProperty(name, out value))
        {
            return value.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined);
        }

        // Case-insensitive second chance: some senders (Logic Apps, hand-written business rules) re-case names.
        foreach (var property in element.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                value = property.Value;
                return value.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined);
            }
        }

        return false;
    }

    public static bool Has(this JsonElement element, string name) => element.TryGetValue(name, out _);

    /// <summary>A string, number or boolean as text; null for anything else or for an empty/blank string.</summary>
    public static string? ReadString(this JsonElement element, string name) =>
        element.TryGetValue(name, out var value) ? value.AsText() : null;

    /// <summary>The element as text when it is a scalar; null for objects, arrays, null and blank strings.</summary>
    public static string? AsText(this JsonElement value)
    {
        var text = value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => null,
        };
        return string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }

    public static JsonElement? ReadObject(this JsonElement element, string name) =>
        element.TryGetValue(name, out var value) && value.ValueKind == JsonValueKind.Object ? value : null;

    /// <summary>The array's items; empty when the property is missing, null or not an array.</summary>
    public static IEnumerable<JsonElement> ReadArray(this JsonElement element, string name) =>
        element.TryGetValue(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray()
            : [];

    /// <summary>The array's scalar items as text, blanks skipped.</summary>
    public static IReadOnlyList<string> ReadStringArray(this JsonElement element, string name) =>
        [.. element.ReadArray(name).Select(item => item.AsText()).OfType<string>()];

    /// <summary>
    /// An object read as a string map (labels, annotations, customProperties). Scalars become text, nested
    /// objects and arrays their raw JSON, null members are skipped. Missing, null or non-object: empty map.
    /// </summary>
    public static Dictionary<string, string> ReadStringMap(this JsonElement element, string name) =>
        element.TryGetValue(name, out var value) ? value.AsStringMap() : new Dictionary<string, string>(StringComparer.Ordinal);

    public static Dictionary<string, string> AsStringMap(this JsonElement value)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        if (value.ValueKind != JsonValueKind.Object)
        {
            return map;
        }

        foreach (var property in value.EnumerateObject())
        {
            var text = property.Value.ValueKind switch
            {
                JsonValueKind.Object or JsonValueKind.Array => property.Value.GetRawText(),
                _ => property.Value.AsText(),
            };
            if (text is not null)
            {
                map[property.Name] = text;
            }
        }

        return map;
    }

    /// <summary>An integer sent as a number or a digit string; null otherwise.</summary>
    public static long? ReadInteger(this JsonElement element, string name)
    {
        if (!element.TryGetValue(name, out var value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number))
        {
            return number;
        }

        return value.ValueKind == JsonValueKind.String
            && long.TryParse(value.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out number)
            ? number
            : null;
    }

    /// <summary>An ISO 8601 timestamp (zone assumed UTC when absent); null when missing or unreadable.</summary>
    public static DateTimeOffset? ReadTimestamp(this JsonElement element, string name) =>
        ParseTimestamp(element.ReadString(name));

    public static DateTimeOffset? ParseTimestamp(string? text) =>
        text is not null && DateTimeOffset.TryParse(
            text,
            CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal,
            out var timestamp)
            ? timestamp
            : null;

    /// <summary>The names of an object's members, for diagnostics (never the values).</summary>
    public static IReadOnlyList<string> PropertyNames(this JsonElement element, int max) =>
        element.ValueKind == JsonValueKind.Object
            ? [.. element.EnumerateObject().Select(property => property.Name).Take(max)]
            : [];
}
