using System.Text.Json;
using System.Text.Json.Nodes;

namespace AlertProbe.ThousandEyes.Requests;

/// <summary>
/// One occurrence of an address-bearing field in a request's fields (<see cref="InstantTestAddressFields.Find"/>),
/// with a way to replace its value (by the canonical form the policy judged).
/// </summary>
public sealed class InstantTestAddressValue
{
    private readonly JsonNode? parent;
    private readonly string? key;
    private readonly int index;

    internal InstantTestAddressValue(string field, InstantTestAddressField definition, JsonNode? node, JsonNode? parent, string? key, int index, string? shapeProblem)
    {
        Field = field;
        Definition = definition;
        Node = node;
        this.parent = parent;
        this.key = key;
        this.index = index;
        ShapeProblem = shapeProblem;
    }

    /// <summary>The concrete field, as a refusal names it: <c>requests[1].url</c>, <c>dnsServers[0].serverName</c>.</summary>
    public string Field { get; }

    public InstantTestAddressField Definition { get; }

    /// <summary>The value as given (any JSON kind).</summary>
    public JsonNode? Node { get; }

    /// <summary>The value when it is a JSON string; null otherwise.</summary>
    public string? Text => Node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    /// <summary>
    /// Why this occurrence cannot be read as an address at all (an array where a string belongs, a member that
    /// differs from an address field only in case…); null when <see cref="Node"/> is the value to judge.
    /// </summary>
    public string? ShapeProblem { get; }

    /// <summary>Replaces the value in the fields it was found in.</summary>
    public void Replace(string value)
    {
        switch (parent)
        {
            case JsonObject obj when key is not null:
                obj[key] = value;
                break;
            case JsonArray array:
                array[index] = value;
                break;
            default:
                throw new InvalidOperationException($"{Field} cannot be replaced.");
        }
    }
}
