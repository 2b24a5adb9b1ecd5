using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AlertProbe.ThousandEyes.Requests;

/// <summary>Lenient readers for field values: templated rule values often arrive as strings ("443", "true").</summary>
internal static class JsonFieldValues
{
    public static bool IsPresent(JsonNode? node) =>
        node is not null && !(TryGetString(node, out var text) && string.IsNullOrWhiteSpace(text));

    public static bool TryGetString(JsonNode? node, out string value)
    {
        value = string.Empty;
        if (node is JsonValue jsonValue && jsonValue.GetValueKind() == JsonValueKind.String && jsonValue.TryGetValue<string>(out var text))
        {
            value = text;
            return true;
        }

        return false;
    }

    /// <summary>An integer given as a JSON number or as a string of digits.</summary>
    public static bool TryGetInteger(JsonNode? node, out long value)
    {
        value = 0;
        if (node is not JsonValue jsonValue)
        {
            return false;
        }

        return jsonValue.GetValueKind() switch
        {
            // A JsonValue built from a CLR int only answers TryGetValue<int>: read the JSON text instead.
            JsonValueKind.Number => long.TryParse(jsonValue.ToJsonString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value)
                || (double.TryParse(jsonValue.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && IsWhole(d, out value)),
            JsonValueKind.String => long.TryParse(jsonValue.GetValue<string>(), NumberStyles.None, CultureInfo.InvariantCulture, out value),
            _ => false,
        };
    }

    /// <summary>A boolean given as true/false, 1/0 (v6 style) or their string forms.</summary>
    public static bool TryGetBoolean(JsonNode? node, out bool value)
    {
        value = false;
        if (node is not JsonValue jsonValue)
        {
            return false;
        }

        switch (jsonValue.GetValueKind())
        {
            case JsonValueKind.True:
                value = true;
                return true;
            case JsonValueKind.False:
                return true;
            case JsonValueKind.Number when TryGetInteger(jsonValue, out var number) && number is 0 or 1:
                value = number == 1;
                return true;
            case JsonValueKind.String:
                var text = jsonValue.GetValue<string>().Trim();
                if (bool.TryParse(text, out value))
                {
                    return true;
                }

                if (text is "0" or "1")
                {
                    value = text == "1";
                    return true;
                }

                return false;
            default:
                return false;
        }
    }

    private static bool IsWhole(double d, out long value)
    {
        value = (long)d;
        return Math.Abs(d - value) < double.Epsilon && d is >= long.MinValue and <= long.MaxValue;
    }
}
