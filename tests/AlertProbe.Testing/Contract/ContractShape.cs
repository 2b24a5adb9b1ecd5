using System.Text.Json;
using System.Text.Json.Nodes;

namespace AlertProbe.Testing.Contract;

/// <summary>One catalogued shape: its fields with their JSON type, and where they were transcribed from.</summary>
public sealed record ContractShape(string Name, string Source, IReadOnlyDictionary<string, string> Fields)
{
    /// <summary>The fields of <paramref name="node"/> the shape does not list, or lists with another JSON type.</summary>
    public IReadOnlyList<string> Mismatches(JsonObject node)
    {
        ArgumentNullException.ThrowIfNull(node);
        var problems = new List<string>();
        foreach (var (field, value) in node)
        {
            if (!Fields.TryGetValue(field, out var type))
            {
                problems.Add($"{Name}: '{field}' is not a field of {Source}");
            }
            else if (value is not null && !Matches(type, value))
            {
                problems.Add($"{Name}: '{field}' is {value.GetValueKind()} ({value.ToJsonString()}), the source types it {type}");
            }
        }

        return problems;
    }

    /// <summary>Whether a JSON value has the catalogue type (number takes integers too; flag is v6's 0/1 boolean).</summary>
    public static bool Matches(string type, JsonNode value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var kind = value.GetValueKind();
        return type switch
        {
            "string" => kind == JsonValueKind.String,
            "integer" => kind == JsonValueKind.Number && value.ToJsonString().IndexOfAny(['.', 'e', 'E']) < 0,
            "number" => kind == JsonValueKind.Number,
            "boolean" => kind is JsonValueKind.True or JsonValueKind.False,
            "flag" => kind == JsonValueKind.Number && value.ToJsonString() is "0" or "1",
            "object" => kind == JsonValueKind.Object,
            "array" => kind == JsonValueKind.Array,
            _ => throw new InvalidOperationException($"Unknown catalogue type '{type}'."),
        };
    }
}
