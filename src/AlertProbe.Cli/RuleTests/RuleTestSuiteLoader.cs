using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace AlertProbe.Cli.RuleTests;

/// <summary>
/// Reads a rules test file. Every problem is reported with its line and column, all at once; unknown keys are
/// errors, so a misspelt expectation cannot silently pass.
/// </summary>
internal sealed class RuleTestSuiteLoader
{
    private static readonly string[] SuiteKeys = ["rules", "apiVersion", "tests"];
    private static readonly string[] CaseKeys = ["name", "payload", "body", "source", "format", "plans", "rejections"];
    private static readonly string[] PlanKeys = ["rule", "type", "target", "alert", "agents"];
    private static readonly string[] AgentKeys = ["ids", "names", "labels", "countries", "types", "max"];
    private static readonly string[] RejectionKeys = ["reason", "description"];

    private readonly List<string> _errors = [];
    private readonly string _displayName;
    private readonly string _folder;

    private RuleTestSuiteLoader(string displayName, string folder)
    {
        _displayName = displayName;
        _folder = folder;
    }

    /// <summary>Null with <paramref name="errors"/> when the file cannot be read or is not a valid test file.</summary>
    public static RuleTestSuite? Load(string path, string displayName, out IReadOnlyList<string> errors)
    {
        ArgumentNullException.ThrowIfNull(path);
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            errors = [$"cannot read {displayName}: {exception.Message}"];
            return null;
        }

        var loader = new RuleTestSuiteLoader(displayName, Path.GetDirectoryName(path)!);
        var suite = loader.Read(text, path);
        errors = loader._errors;
        return errors.Count == 0 ? suite : null;
    }

    private RuleTestSuite? Read(string text, string path)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException exception)
        {
            Error(exception.Start, $"not valid YAML: {exception.Message}");
            return null;
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            Error(Mark.Empty, "expected a mapping with 'tests'");
            return null;
        }

        CheckKeys(root, SuiteKeys);
        var cases = new List<RuleTestCase>();
        if (Child(root, "tests") is YamlSequenceNode tests)
        {
            cases.AddRange(tests.Children.Select(ReadCase).OfType<RuleTestCase>());
        }
        else
        {
            Error(root.Start, "'tests' must be a list of test cases");
        }

        var rules = Scalar(root, "rules");
        return new RuleTestSuite
        {
            Path = path,
            RulesPath = rules is null ? null : Path.GetFullPath(rules, _folder),
            ApiVersion = Scalar(root, "apiVersion"),
            Cases = cases,
        };
    }

    private RuleTestCase? ReadCase(YamlNode node, int index)
    {
        if (node is not YamlMappingNode map)
        {
            Error(node.Start, "a test case must be a mapping");
            return null;
        }

        CheckKeys(map, CaseKeys);
        var payload = Scalar(map, "payload");
        var body = Scalar(map, "body");
        if ((payload is null) == (body is null))
        {
            Error(map.Start, "a test case needs exactly one of 'payload' (a file) or 'body' (the payload itself)");
        }

        return new RuleTestCase
        {
            Name = Scalar(map, "name") ?? string.Create(CultureInfo.InvariantCulture, $"test {index + 1}"),
            Line = (int)map.Start.Line,
            PayloadPath = payload is null ? null : Path.GetFullPath(payload, _folder),
            InlineBody = body,
            Source = Scalar(map, "source"),
            Format = Scalar(map, "format"),
            Plans = List(map, "plans", ReadPlan),
            Rejections = List(map, "rejections", ReadRejection),
        };
    }

    private ExpectedPlan? ReadPlan(YamlNode node)
    {
        if (node is not YamlMappingNode map)
        {
            Error(node.Start, "an expected plan must be a mapping (rule, type, target, alert, agents)");
            return null;
        }

        CheckKeys(map, PlanKeys);
        ExpectedAgents? agents = null;
        if (Child(map, "agents") is { } agentsNode)
        {
            agents = ReadAgents(agentsNode);
        }

        return new ExpectedPlan
        {
            Rule = Scalar(map, "rule"),
            Type = Scalar(map, "type"),
            Target = Scalar(map, "target"),
            AlertId = Scalar(map, "alert"),
            Agents = agents,
        };
    }

    private ExpectedAgents? ReadAgents(YamlNode node)
    {
        if (node is not YamlMappingNode map)
        {
            Error(node.Start, "'agents' must be a mapping (ids, names, labels, countries, types, max)");
            return null;
        }

        CheckKeys(map, AgentKeys);
        int? max = null;
        if (Scalar(map, "max") is { } maxText)
        {
            if (int.TryParse(maxText, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
            {
                max = parsed;
            }
            else
            {
                Error(Child(map, "max")!.Start, "'max' must be a whole number");
            }
        }

        return new ExpectedAgents
        {
            Ids = Strings(map, "ids"),
            Names = Strings(map, "names"),
            Labels = Strings(map, "labels"),
            Countries = Strings(map, "countries"),
            Types = Strings(map, "types"),
            Max = max,
        };
    }

    private ExpectedRejection? ReadRejection(YamlNode node)
    {
        switch (node)
        {
            case YamlScalarNode { Value: { Length: > 0 } reason }:
                return new ExpectedRejection { Reason = reason };
            case YamlMappingNode map:
                CheckKeys(map, RejectionKeys);
                if (Scalar(map, "reason") is not { } code)
                {
                    Error(map.Start, "an expected rejection needs a 'reason' code (e.g. TargetDenied)");
                    return null;
                }

                return new ExpectedRejection { Reason = code, DescriptionContains = Scalar(map, "description") };
            default:
                Error(node.Start, "an expected rejection is a reason code or a mapping with 'reason' and 'description'");
                return null;
        }
    }

    private List<T> List<T>(YamlMappingNode map, string key, Func<YamlNode, T?> read)
        where T : class
    {
        switch (Child(map, key))
        {
            case null:
                return [];
            case YamlSequenceNode sequence:
                return [.. sequence.Children.Select(read).OfType<T>()];
            case YamlScalarNode { Value: null or "" or "~" or "null" }:
                return [];
            case var other:
                Error(other.Start, $"'{key}' must be a list");
                return [];
        }
    }

    private List<string> Strings(YamlMappingNode map, string key)
    {
        switch (Child(map, key))
        {
            case null:
                return [];
            case YamlSequenceNode sequence when sequence.Children.All(c => c is YamlScalarNode):
                return [.. sequence.Children.Cast<YamlScalarNode>().Select(s => s.Value ?? string.Empty)];
            case YamlScalarNode { Value: { } single }:
                return [single];
            case var other:
                Error(other.Start, $"'{key}' must be a list of strings");
                return [];
        }
    }

    private string? Scalar(YamlMappingNode map, string key)
    {
        var node = Child(map, key);
        if (node is null)
        {
            return null;
        }

        if (node is YamlScalarNode scalar)
        {
            return scalar.Value;
        }

        Error(node.Start, $"'{key}' must be a single value");
        return null;
    }

    private static YamlNode? Child(YamlMappingNode map, string key) =>
        map.Children.FirstOrDefault(entry => entry.Key is YamlScalarNode { Value: { } name } && name == key).Value;

    private void CheckKeys(YamlMappingNode map, string[] allowed)
    {
        foreach (var key in map.Children.Keys)
        {
            if (key is not YamlScalarNode { Value: { } name } || !allowed.Contains(name, StringComparer.Ordinal))
            {
                Error(key.Start, $"unknown key '{(key as YamlScalarNode)?.Value}' (expected one of: {string.Join(", ", allowed)})");
            }
        }
    }

    private void Error(Mark mark, string message) =>
        _errors.Add(mark.Line > 0
            ? string.Create(CultureInfo.InvariantCulture, $"{_displayName}:{mark.Line}:{mark.Column}: {message}")
            : $"{_displayName}: {message}");
}
