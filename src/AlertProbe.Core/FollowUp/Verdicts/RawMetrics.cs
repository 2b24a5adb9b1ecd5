using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AlertProbe.Core.FollowUp.Verdicts;

/// <summary>Reads result fields tolerantly: numbers (parsed or CLR-built), numbers sent as strings, v6 0/1 and real booleans.</summary>
internal static class RawMetrics
{
    public static double? Number(JsonObject row, string name)
    {
        if (row[name] is not JsonValue value)
        {
            return null;
        }

        double? number = value.GetValueKind() switch
        {
            JsonValueKind.Number => Numeric(value),
            JsonValueKind.True => 1,
            JsonValueKind.False => 0,
            JsonValueKind.String when double.TryParse(value.GetValue<string>(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) => parsed,
            _ => null,
        };
        return number is { } n && double.IsFinite(n) ? n : null;
    }

    public static string? Text(JsonObject row, string name) =>
        row[name] is JsonValue value && value.GetValueKind() == JsonValueKind.String && value.GetValue<string>() is { Length: > 0 } text
            ? text.Trim()
            : null;

    // A parsed value converts to any numeric type; a value built from a CLR number only to its own type.
    private static double? Numeric(JsonValue value) =>
        value.TryGetValue<double>(out var d) ? d
        : value.TryGetValue<long>(out var l) ? l
        : value.TryGetValue<int>(out var i) ? i
        : value.TryGetValue<decimal>(out var m) ? (double)m
        : value.TryGetValue<float>(out var f) ? f
        : null;
}
