using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AlertProbe.Core.Tests.Alerts;

/// <summary>
/// Builds single-field injections: a fixture with one leaf value (or one property name) replaced by raw JSON text
/// that a serialiser would never write, such as a lone surrogate escape.
/// </summary>
internal static class HostileValueInjection
{
    private const string Marker = "@@inject@@";

    /// <summary>Raw JSON values the readers must survive: invalid UTF-16 escapes, numbers out of every range, odd kinds.</summary>
    public static IReadOnlyList<string> Values { get; } =
    [
        "\"\\ud800\"",
        "\"\\udc00\"",
        "\"x\\ud800y\"",
        "\"\\ud800\\ud800\"",
        "\"\\udfff\\ud800\"",
        "\"\\uDBFF\"",
        "\"\\u0000\"",
        "\"\\u202e\\u0000\\u0007\"",
        "1e400",
        "-1e400",
        "123456789012345678901234567890",
        "-0",
        "\"99999999999999999999\"",
        "\"-9223372036854775809\"",
        "\"0001-01-01T00:00:00+14:00\"",
        "\"9999-12-31T23:59:59-14:00\"",
        "\"P99999999Y\"",
        "\"-PT5M\"",
        "{}",
        "[]",
        "[[[[[]]]]]",
        "null",
        "true",
        "\"\"",
        "\"   \"",
    ];

    /// <summary>Property names the readers must survive (the raw JSON of a name, quotes included).</summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        "\"\\ud800\"",
        "\"a\\udc00\"",
    ];

    /// <summary>Every variant of <paramref name="json"/> with one leaf replaced by <paramref name="rawValue"/>.</summary>
    public static IEnumerable<(string Path, string Json)> ReplaceEachLeaf(string json, string rawValue)
    {
        var root = JsonNode.Parse(json)!;
        foreach (var path in LeafPaths(root, string.Empty))
        {
            var copy = JsonNode.Parse(json)!;
            Set(copy, path, JsonValue.Create(Marker));
            yield return (path, copy.ToJsonString().Replace($"\"{Marker}\"", rawValue, StringComparison.Ordinal));
        }
    }

    /// <summary>Every variant of <paramref name="json"/> with one property name replaced by <paramref name="rawName"/>.</summary>
    public static IEnumerable<(string Path, string Json)> ReplaceEachName(string json, string rawName)
    {
        var root = JsonNode.Parse(json)!;
        foreach (var path in ObjectMemberPaths(root, string.Empty))
        {
            var copy = JsonNode.Parse(json)!;
            var (parent, name) = Parent(copy, path);
            var obj = parent.AsObject();
            var value = obj[name];
            obj.Remove(name);
            obj[Marker] = value;
            yield return (path, copy.ToJsonString().Replace($"\"{Marker}\"", rawName, StringComparison.Ordinal));
        }
    }

    private static IEnumerable<string> LeafPaths(JsonNode? node, string path)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var member in obj.ToList())
                {
                    foreach (var leaf in LeafPaths(member.Value, $"{path}/{Escape(member.Key)}"))
                    {
                        yield return leaf;
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    foreach (var leaf in LeafPaths(array[i], $"{path}/{i}"))
                    {
                        yield return leaf;
                    }
                }

                break;
            default:
                yield return path;
                break;
        }
    }

    private static IEnumerable<string> ObjectMemberPaths(JsonNode? node, string path)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var member in obj.ToList())
                {
                    yield return $"{path}/{Escape(member.Key)}";
                    foreach (var inner in ObjectMemberPaths(member.Value, $"{path}/{Escape(member.Key)}"))
                    {
                        yield return inner;
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    foreach (var inner in ObjectMemberPaths(array[i], $"{path}/{i}"))
                    {
                        yield return inner;
                    }
                }

                break;
        }
    }

    private static string Escape(string name) => name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    private static string Unescape(string token) => token.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);

    private static void Set(JsonNode root, string path, JsonNode value)
    {
        var (parent, key) = Parent(root, path);
        if (parent is JsonArray array)
        {
            array[int.Parse(key, System.Globalization.CultureInfo.InvariantCulture)] = value;
        }
        else
        {
            parent.AsObject()[key] = value;
        }
    }

    private static (JsonNode Parent, string Key) Parent(JsonNode root, string path)
    {
        var segments = path.Split('/')[1..];
        var node = root;
        foreach (var segment in segments[..^1])
        {
            node = node is JsonArray array
                ? array[int.Parse(segment, System.Globalization.CultureInfo.InvariantCulture)]!
                : node.AsObject()[Unescape(segment)]!;
        }

        return (node, node is JsonArray ? segments[^1] : Unescape(segments[^1]));
    }

    public static byte[] Utf8(string json) => Encoding.UTF8.GetBytes(json);

    /// <summary>The fixture names under Fixtures/Alerts, e.g. "pagerduty/triggered.json".</summary>
    public static IEnumerable<string> FixtureNames() =>
        Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Alerts"), "*.json", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Alerts"), path).Replace('\\', '/'))
            .Where(name => IsJsonObjectOrArray(AlertFixtures.Text(name)))
            .Order(StringComparer.Ordinal);

    private static bool IsJsonObjectOrArray(string text)
    {
        try
        {
            return JsonNode.Parse(text) is JsonObject or JsonArray;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
