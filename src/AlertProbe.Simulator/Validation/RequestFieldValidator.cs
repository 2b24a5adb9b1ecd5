using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using AlertProbe.Simulator.Catalog;

namespace AlertProbe.Simulator.Validation;

/// <summary>
/// Strict checking of a create body against <see cref="RequestCatalog"/>: a field (at any depth) the version's schema
/// for the type does not list is refused by name, as are values of the wrong JSON type, outside the range or not one
/// of the listed values. Required fields are <see cref="DefinitionValidator"/>'s: it knows which ones the simulator needs.
/// </summary>
internal static class RequestFieldValidator
{
    public static void Check(ApiVersion version, TestType type, JsonObject body, FieldErrors errors)
    {
        var fields = RequestCatalog.FieldsOf(version, type.NameFor(version)!);
        if (fields is null)
        {
            errors.Invalid("type", $"{type.NameFor(version)} has no request schema in the simulator's catalogue.");
            return;
        }

        CheckMembers(fields, body, string.Empty, errors);
    }

    private static void CheckMembers(JsonObject specs, JsonObject value, string prefix, FieldErrors errors)
    {
        foreach (var (name, member) in value)
        {
            var path = prefix + name;
            if (specs[name] is JsonObject spec)
            {
                CheckValue(spec, member, path, errors);
            }
            else
            {
                errors.Unknown(path);
            }
        }
    }

    private static void CheckValue(JsonObject spec, JsonNode? value, string path, FieldErrors errors)
    {
        var type = (string?)spec["type"];
        if (value is null || type is "any" || spec["ignored"] is not null)
        {
            return;
        }

        switch (type)
        {
            case "string":
                CheckString(spec, value, path, errors);
                return;
            case "integer":
                CheckInteger(spec, value, path, errors);
                return;
            case "boolean" when value.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False):
                errors.WrongType(path, "a boolean");
                return;
            case "object" when value is not JsonObject:
                errors.WrongType(path, "an object");
                return;
            case "object" when spec["fields"] is JsonObject members:
                CheckMembers(members, (JsonObject)value, path + ".", errors);
                return;
            case "array" when value is not JsonArray:
                errors.WrongType(path, "an array");
                return;
            case "array" when spec["items"] is JsonObject items:
                var list = (JsonArray)value;
                for (var i = 0; i < list.Count; i++)
                {
                    CheckValue(items, list[i], string.Create(CultureInfo.InvariantCulture, $"{path}[{i}]"), errors);
                }

                return;
        }
    }

    private static void CheckString(JsonObject spec, JsonNode value, string path, FieldErrors errors)
    {
        if (JsonFields.AsString(value) is not { } text)
        {
            errors.WrongType(path, "a string");
        }
        else if (spec["enum"] is JsonArray values && !values.Any(v => (string?)v == text))
        {
            errors.Invalid(path, $"{path} must be one of {string.Join(", ", values.Select(v => (string?)v))}.");
        }
    }

    private static void CheckInteger(JsonObject spec, JsonNode value, string path, FieldErrors errors)
    {
        if (JsonFields.AsInteger(value) is not { } number)
        {
            errors.WrongType(path, "an integer");
        }
        else if (spec["enum"] is JsonArray values && !values.Any(v => (long?)v == number))
        {
            errors.Invalid(path, $"{path} must be one of {string.Join(", ", values.Select(v => (long?)v))}.");
        }
        else if ((spec["min"] is { } min && number < (long)min) || (spec["max"] is { } max && number > (long)max))
        {
            errors.Invalid(path, $"{path} must be between {spec["min"]} and {spec["max"]}.");
        }
    }
}
