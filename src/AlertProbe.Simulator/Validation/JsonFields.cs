using System.Text.Json;
using System.Text.Json.Nodes;

namespace AlertProbe.Simulator.Validation;

/// <summary>Small readers for request JSON that say exactly what kind of value they found.</summary>
internal static class JsonFields
{
    public static bool IsPresent(JsonNode? node) => node is not null;

    public static string? AsString(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    public static long? AsInteger(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.Number && value.TryGetValue<long>(out var number)
            ? number
            : null;

    public static bool IsNonEmptyString(JsonNode? node) => !string.IsNullOrWhiteSpace(AsString(node));
}
