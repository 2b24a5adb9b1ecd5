using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AlertProbe.Core.FollowUp.Verdicts;

/// <summary>Reads result fields tolerantly: numbers, numbers sent as strings, v6 0/1 booleans.</summary>
internal static class RawMetrics
{
    public static double? Number(JsonObject row, string name)
    {
        if (row[name] is not JsonValue value)
        {
            return null;
        }

        var number = value.GetValueKind() switch
        {
            JsonValueKind.Number => value.GetValue<double>(),
            JsonValueKind.True => 1,
            JsonValueKind.False => 0,
            JsonValueKind.String when double.TryParse(value.GetValue<string>(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) => parsed,
            _ => (double?)null,
        };
        return number is { } n && double.IsFinite(n) ? n : null;
    }

    public static string? Text(JsonObject row, string name) =>
        row[name] is JsonValue value && value.GetValueKind() == JsonValueKind.String && value.GetValue<string>() is { Length: > 0 } text
            ? text.Trim()
            : null;
}
