using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using AlertProbe.Testing;
using AlertProbe.ThousandEyes;

namespace AlertProbe.ThousandEyes.Tests.Contract.Requests;

/// <summary>
/// The vendor's instant-test request schemas as data (instant-test-requests.json beside this file): per version and
/// type, each field's JSON type, values, range and required flag, with the sources named in the document. Facts
/// transcribed from the vendor's documents into this format; see docs/thousandeyes.md#requests.
/// </summary>
internal static class RequestCatalogue
{
    private static readonly Lazy<JsonObject> Loaded = new(() =>
        JsonNode.Parse(File.ReadAllText(RepositoryRoot.Combine("tests", "AlertProbe.ThousandEyes.Tests", "Contract", "Requests", "instant-test-requests.json")))!.AsObject());

    public static JsonObject Document => Loaded.Value;

    public static string Name(ThousandEyesApiVersion version) => version == ThousandEyesApiVersion.V6 ? "v6" : "v7";

    public static JsonObject Types(ThousandEyesApiVersion version) => Document["versions"]![Name(version)]!["types"]!.AsObject();

    public static JsonObject FieldsOf(ThousandEyesApiVersion version, string typeName) =>
        Types(version)[typeName]?["fields"]?.AsObject() ?? throw new InvalidOperationException($"the catalogue has no {Name(version)} {typeName}");

    public static TheoryData<ThousandEyesApiVersion, string> AllTypes()
    {
        var data = new TheoryData<ThousandEyesApiVersion, string>();
        foreach (var version in new[] { ThousandEyesApiVersion.V6, ThousandEyesApiVersion.V7 })
        {
            foreach (var (type, _) in Types(version))
            {
                data.Add(version, type);
            }
        }

        return data;
    }

    /// <summary>Every way <paramref name="body"/> departs from the schema <paramref name="fields"/>, as "path: problem".</summary>
    public static List<string> Departures(JsonObject fields, JsonObject body)
    {
        var departures = new List<string>();
        CheckMembers(fields, body, string.Empty, departures);
        return departures;
    }

    private static void CheckMembers(JsonObject fields, JsonObject value, string prefix, List<string> departures)
    {
        foreach (var (name, member) in value)
        {
            if (fields[name] is JsonObject spec)
            {
                CheckValue(spec, member, prefix + name, departures);
            }
            else
            {
                departures.Add($"{prefix}{name}: not in the schema");
            }
        }

        foreach (var (name, spec) in fields)
        {
            if (spec!["required"] is not null && value[name] is null)
            {
                departures.Add($"{prefix}{name}: required but absent");
            }
        }
    }

    private static void CheckValue(JsonObject spec, JsonNode? value, string path, List<string> departures)
    {
        var type = (string)spec["type"]!;
        if (value is null)
        {
            departures.Add($"{path}: null");
            return;
        }

        if (spec["ignored"] is not null)
        {
            departures.Add($"{path}: ignored by the instant API, should not be sent");
            return;
        }

        var kind = value.GetValueKind();
        var actual = kind switch
        {
            JsonValueKind.String => "string",
            JsonValueKind.Number => "integer",
            JsonValueKind.True or JsonValueKind.False => "boolean",
            JsonValueKind.Array => "array",
            JsonValueKind.Object => "object",
            _ => kind.ToString(),
        };
        if (actual != type || (actual == "integer" && !long.TryParse(value.ToJsonString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _)))
        {
            departures.Add($"{path}: {actual} where the schema has {type}");
            return;
        }

        if (spec["enum"] is JsonArray values && !values.Any(v => JsonNode.DeepEquals(v, value)))
        {
            departures.Add($"{path}: {value.ToJsonString()} is not one of {values.ToJsonString()}");
        }

        if (type == "integer")
        {
            var number = long.Parse(value.ToJsonString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            if ((spec["min"] is { } min && number < min.GetValue<long>()) || (spec["max"] is { } max && number > max.GetValue<long>()))
            {
                departures.Add($"{path}: {number} is outside {spec["min"]}..{spec["max"]}");
            }
        }

        if (type == "object" && spec["fields"] is JsonObject members)
        {
            CheckMembers(members, value.AsObject(), path + ".", departures);
        }

        if (type == "array" && spec["items"] is JsonObject items)
        {
            var list = value.AsArray();
            for (var i = 0; i < list.Count; i++)
            {
                CheckValue(items, list[i], string.Create(CultureInfo.InvariantCulture, $"{path}[{i}]"), departures);
            }
        }
    }
}
