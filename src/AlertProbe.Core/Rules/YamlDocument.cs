using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace AlertProbe.Core.Rules;

/// <summary>
/// A YAML document turned into a JSON tree (so the JSON Schema can judge it), remembering where each value
/// was written. Plain scalars follow the YAML 1.2 core schema (true/false, null, numbers); quoted ones are
/// strings, so <c>"443"</c> stays text and <c>yes</c> is not a boolean.
/// </summary>
internal sealed partial class YamlDocument
{
    private readonly Dictionary<string, Mark> marks = new(StringComparer.Ordinal);
    private readonly List<(string Pointer, Mark Mark, string Message)> problems = [];

    private YamlDocument()
    {
    }

    public JsonNode? Root { get; private set; }

    /// <summary>Problems found while reading (syntax, duplicate keys), with their position.</summary>
    public IReadOnlyList<(string Pointer, Mark Mark, string Message)> Problems => problems;

    public static YamlDocument Read(string yaml)
    {
        var document = new YamlDocument();
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException exception)
        {
            document.problems.Add((string.Empty, exception.Start, $"not valid YAML: {exception.Message}"));
            return document;
        }

        if (stream.Documents.Count == 0)
        {
            document.problems.Add((string.Empty, Mark.Empty, "the file is empty"));
            return document;
        }

        if (stream.Documents.Count > 1)
        {
            document.problems.Add((string.Empty, stream.Documents[1].RootNode.Start, "only one YAML document is allowed per rules file"));
        }

        document.Root = document.Convert(stream.Documents[0].RootNode, string.Empty);
        return document;
    }

    /// <summary>Where the value at <paramref name="pointer"/> (or its nearest written ancestor) starts.</summary>
    public Mark MarkOf(string pointer)
    {
        for (string? current = pointer; current is not null; current = DocumentPointer.Parent(current))
        {
            if (marks.TryGetValue(current, out var mark))
            {
                return mark;
            }
        }

        return Mark.Empty;
    }

    private JsonNode? Convert(YamlNode node, string pointer)
    {
        marks[pointer] = node.Start;
        switch (node)
        {
            case YamlMappingNode mapping:
                var obj = new JsonObject();
                foreach (var (keyNode, valueNode) in mapping.Children)
                {
                    if (keyNode is not YamlScalarNode { Value: { } key })
                    {
                        problems.Add((pointer, keyNode.Start, "keys must be plain names"));
                        continue;
                    }

                    var child = DocumentPointer.Append(pointer, key);
                    if (obj.ContainsKey(key))
                    {
                        problems.Add((child, keyNode.Start, $"'{key}' is given twice"));
                        continue;
                    }

                    obj[key] = Convert(valueNode, child);
                    marks[child] = valueNode is YamlScalarNode ? valueNode.Start : keyNode.Start;
                }

                return obj;
            case YamlSequenceNode sequence:
                var array = new JsonArray();
                for (var i = 0; i < sequence.Children.Count; i++)
                {
                    array.Add(Convert(sequence.Children[i], DocumentPointer.Append(pointer, i)));
                }

                return array;
            case YamlScalarNode scalar:
                return Scalar(scalar);
            default:
                problems.Add((pointer, node.Start, "unsupported YAML node"));
                return null;
        }
    }

    private static JsonValue? Scalar(YamlScalarNode scalar)
    {
        var value = scalar.Value ?? string.Empty;
        var tag = scalar.Tag.IsEmpty ? null : scalar.Tag.Value;
        if (scalar.Style != ScalarStyle.Plain || tag == "tag:yaml.org,2002:str")
        {
            return JsonValue.Create(value);
        }

        if (value is "" or "~" or "null" or "Null" or "NULL")
        {
            return null;
        }

        if (value is "true" or "True" or "TRUE")
        {
            return JsonValue.Create(true);
        }

        if (value is "false" or "False" or "FALSE")
        {
            return JsonValue.Create(false);
        }

        if (Integer().IsMatch(value) && long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
        {
            return JsonValue.Create(integer);
        }

        if (Float().IsMatch(value) && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return JsonValue.Create(number);
        }

        return JsonValue.Create(value);
    }

    [GeneratedRegex(@"^[-+]?[0-9]+$", RegexOptions.CultureInvariant)]
    private static partial Regex Integer();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Float();
}
