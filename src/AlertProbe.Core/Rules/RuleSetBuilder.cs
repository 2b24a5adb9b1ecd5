using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using AlertProbe.Core.Alerts;
using AlertProbe.Core.Planning;
using AlertProbe.Core.Rules.Templates;
using AlertProbe.ThousandEyes;
using AlertProbe.ThousandEyes.Requests;

namespace AlertProbe.Core.Rules;

/// <summary>
/// Builds the immutable <see cref="RuleSet"/> from a schema-checked document and finds what the schema cannot
/// see: duplicate names, matcher and template syntax, unsupported test types, missing required fields,
/// durations, agents. It never stops at the first problem; malformed parts the schema already reports are
/// skipped quietly.
/// </summary>
internal sealed class RuleSetBuilder
{
    private readonly List<(string Pointer, string Message)> errors = [];
    private readonly Func<string, string> originOf;

    // One regex per distinct pattern in the file: building one is the costly part of loading.
    private readonly Dictionary<string, RegexPattern> patterns = new(StringComparer.Ordinal);

    private RuleSetBuilder(Func<string, string> originOf) => this.originOf = originOf;

    public static (RuleSet? RuleSet, IReadOnlyList<(string Pointer, string Message)> Errors) Build(JsonNode? root, string sourceName, Func<string, string> originOf)
    {
        var builder = new RuleSetBuilder(originOf);
        var rules = builder.ReadDocument(root);
        return builder.errors.Count == 0
            ? (new RuleSet { SourceName = sourceName, Rules = rules }, builder.errors)
            : (null, builder.errors);
    }

    private sealed record Defaults(AgentSelector? Agents, TimeSpan? Cooldown, FollowUpPolicy? FollowUp, string? AccountGroupId, int? Priority);

    private List<Rule> ReadDocument(JsonNode? root)
    {
        var rules = new List<Rule>();
        if (root is not JsonObject document)
        {
            return rules;
        }

        var defaults = ReadDefaults(document["defaults"] as JsonObject, "/defaults");
        if (document["rules"] is not JsonArray ruleNodes)
        {
            return rules;
        }

        var names = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < ruleNodes.Count; i++)
        {
            var pointer = DocumentPointer.Append("/rules", i);
            if (ruleNodes[i] is not JsonObject ruleNode)
            {
                continue;
            }

            if (ReadString(ruleNode["name"]) is { } name)
            {
                if (names.TryGetValue(name, out var first))
                {
                    Error(pointer + "/name", $"rule name '{name}' is already used by rules[{first}]; names must be unique");
                }
                else
                {
                    names[name] = i;
                }
            }

            if (ReadRule(ruleNode, pointer, defaults) is { } rule)
            {
                rules.Add(rule);
            }
        }

        return rules;
    }

    private Defaults ReadDefaults(JsonObject? node, string pointer)
    {
        if (node is null)
        {
            return new Defaults(null, null, null, null, null);
        }

        return new Defaults(
            node["agents"] is JsonObject agents ? ReadAgents(agents) : null,
            ReadDuration(node["cooldown"], pointer + "/cooldown"),
            node["followUp"] is JsonObject followUp ? ReadFollowUp(followUp, pointer + "/followUp") : null,
            ReadScalarText(node["accountGroupId"]),
            ReadInt(node["priority"]));
    }

    private Rule? ReadRule(JsonObject node, string pointer, Defaults defaults)
    {
        var name = ReadString(node["name"]);
        var match = node["match"] is JsonObject matchNode ? ReadMatch(matchNode, pointer + "/match") : new RuleMatch();
        var tests = new List<TestTemplate>();
        if (node["tests"] is JsonArray testNodes)
        {
            for (var i = 0; i < testNodes.Count; i++)
            {
                if (testNodes[i] is JsonObject testNode && ReadTest(testNode, DocumentPointer.Append(pointer + "/tests", i), defaults) is { } test)
                {
                    tests.Add(test);
                }
            }
        }

        var cooldown = ReadDuration(node["cooldown"], pointer + "/cooldown");
        var followUp = node["followUp"] is JsonObject followUpNode ? ReadFollowUp(followUpNode, pointer + "/followUp") : null;
        if (string.IsNullOrWhiteSpace(name) || match is null || tests.Count == 0)
        {
            return null;
        }

        return new Rule
        {
            Name = name,
            Match = match,
            Tests = tests,
            Cooldown = cooldown ?? defaults.Cooldown ?? TimeSpan.FromMinutes(5),
            FollowUp = followUp ?? defaults.FollowUp ?? FollowUpPolicy.CollectOnce,
            AccountGroupId = ReadScalarText(node["accountGroupId"]) ?? defaults.AccountGroupId,
            Priority = ReadInt(node["priority"]) ?? defaults.Priority ?? 0,
            Continue = node["continue"] is JsonValue value && value.TryGetValue<bool>(out var proceed) && proceed,
            Origin = originOf(pointer),
        };
    }

    private RuleMatch? ReadMatch(JsonObject node, string pointer)
    {
        var valid = true;
        var sources = new HashSet<AlertSource>();
        foreach (var (text, _) in Strings(node["sources"], pointer + "/sources"))
        {
            if (RuleNames.TryParseSource(text, out var source))
            {
                sources.Add(source);
            }
        }

        var status = ReadString(node["status"]) switch
        {
            "resolved" => RuleStatusFilter.Resolved,
            "any" => RuleStatusFilter.Any,
            _ => RuleStatusFilter.Firing,
        };

        SeverityCondition? severity = null;
        if (node["severity"] is JsonObject atLeastNode)
        {
            if (ReadString(atLeastNode["atLeast"]) is { } least && RuleNames.TryParseSeverity(least, out var parsed))
            {
                severity = new SeverityCondition { AtLeast = parsed };
            }
        }
        else if (node["severity"] is JsonArray)
        {
            var set = new HashSet<AlertSeverity>();
            foreach (var (text, _) in Strings(node["severity"], pointer + "/severity"))
            {
                if (RuleNames.TryParseSeverity(text, out var parsed))
                {
                    set.Add(parsed);
                }
            }

            severity = new SeverityCondition { OneOf = set };
        }

        var matchers = new List<LabelMatcher>();
        foreach (var (text, itemPointer) in Strings(node["labels"], pointer + "/labels"))
        {
            if (LabelMatcher.TryParse(text, patterns, out var matcher, out var error))
            {
                matchers.Add(matcher);
            }
            else
            {
                Error(itemPointer, error);
                valid = false;
            }
        }

        var kinds = new HashSet<AlertTargetKind>();
        foreach (var (text, _) in Strings(node["hasTarget"], pointer + "/hasTarget"))
        {
            switch (text)
            {
                case "url": kinds.Add(AlertTargetKind.Url); break;
                case "host": kinds.Add(AlertTargetKind.Host); break;
                case "ip": kinds.Add(AlertTargetKind.IpAddress); break;
            }
        }

        return valid
            ? new RuleMatch { Sources = sources, Status = status, Severity = severity, Labels = matchers, HasTarget = kinds }
            : null;
    }

    private TestTemplate? ReadTest(JsonObject node, string pointer, Defaults defaults)
    {
        var valid = true;
        InstantTestType? type = null;
        if (ReadString(node["type"]) is { } typeName)
        {
            type = InstantTestType.Parse(typeName);
            if (type.UnknownReason is { } reason)
            {
                Error(pointer + "/type", reason);
                type = null;
                valid = false;
            }
        }

        Template? name = null;
        if (ReadString(node["name"]) is { } nameText)
        {
            name = ParseTemplate(nameText, pointer + "/name");
            valid &= name is not null;
        }

        var agents = node["agents"] is JsonObject agentsNode ? ReadAgents(agentsNode) : defaults.Agents;
        if (agents is null || agents.IsEmpty)
        {
            Error(pointer, "no agents: give this test 'agents' (ids, names, labels, countries or types) or set defaults.agents");
            valid = false;
        }

        var fields = new List<KeyValuePair<string, FieldTemplate>>();
        var written = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (key, value) in node)
        {
            if (key is "type" or "name" or "agents")
            {
                continue;
            }

            written.Add(key);
            var fieldPointer = DocumentPointer.Append(pointer, key);
            if (InstantTestType.IgnoredFields.Contains(key))
            {
                Error(fieldPointer, $"'{key}' does not apply to instant tests (ThousandEyes ignores it); remove it");
                valid = false;
                continue;
            }

            if (key == "testName")
            {
                Error(fieldPointer, "set the test name with 'name', not 'testName'");
                valid = false;
                continue;
            }

            var field = ReadField(value, fieldPointer);
            if (field is null)
            {
                valid = false;
                continue;
            }

            fields.Add(new(key, field));
        }

        if (type is not null)
        {
            foreach (var required in RequiredInEveryVersion(type).Where(required => !written.Contains(required)))
            {
                Error(pointer, $"{type.Name} needs the field '{required}'");
                valid = false;
            }
        }

        return valid && type is not null && agents is not null
            ? new TestTemplate { Type = type, Fields = fields, Agents = agents, Name = name }
            : null;
    }

    private FieldTemplate? ReadField(JsonNode? node, string pointer)
    {
        switch (node)
        {
            case JsonObject obj:
                var members = new List<KeyValuePair<string, FieldTemplate>>();
                var validMembers = true;
                foreach (var (key, value) in obj)
                {
                    var member = ReadField(value, DocumentPointer.Append(pointer, key));
                    validMembers &= member is not null;
                    if (member is not null)
                    {
                        members.Add(new(key, member));
                    }
                }

                return validMembers ? FieldTemplate.Map(members) : null;
            case JsonArray array:
                var items = new List<FieldTemplate>();
                var validItems = true;
                for (var i = 0; i < array.Count; i++)
                {
                    var item = ReadField(array[i], DocumentPointer.Append(pointer, i));
                    validItems &= item is not null;
                    if (item is not null)
                    {
                        items.Add(item);
                    }
                }

                return validItems ? FieldTemplate.List(items) : null;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                var template = ParseTemplate(value.GetValue<string>(), pointer);
                return template is null ? null : FieldTemplate.Text(template);
            default:
                return FieldTemplate.Literal(node?.DeepClone());
        }
    }

    private Template? ParseTemplate(string text, string pointer)
    {
        var parsed = Template.Parse(text);
        if (!parsed.IsValid)
        {
            Error(pointer, $"template '{text}': {parsed.Error}");
            return null;
        }

        return parsed.Template;
    }

    /// <summary>
    /// A rule is written once, whatever API version the client speaks: it must give what every version offering the
    /// type requires; a version's extra requirement (v6 page-load's httpInterval) is the request validator's to report.
    /// </summary>
    // Asked once per test of every rule, and the answer depends on the type only: computed once per type.
    private static readonly ConcurrentDictionary<InstantTestType, IReadOnlyList<string>> RequiredByType = new();

    private static IReadOnlyList<string> RequiredInEveryVersion(InstantTestType type) =>
        RequiredByType.GetOrAdd(type, ComputeRequiredInEveryVersion);

    private static IReadOnlyList<string> ComputeRequiredInEveryVersion(InstantTestType type) =>
        Enum.GetValues<ThousandEyesApiVersion>()
            .Where(type.IsAvailableIn)
            .Select(type.RequiredFieldsIn)
            .Aggregate((common, next) => [.. common.Intersect(next, StringComparer.Ordinal)]);

    private static AgentSelector ReadAgents(JsonObject node) => new()
    {
        Ids = ScalarTexts(node["ids"]),
        Names = ScalarTexts(node["names"]),
        Labels = ScalarTexts(node["labels"]),
        Countries = ScalarTexts(node["countries"]).Select(country => country.ToUpperInvariant()).ToList(),
        Types = ScalarTexts(node["types"]),
        Max = ReadInt(node["max"]),
    };

    private FollowUpPolicy? ReadFollowUp(JsonObject node, string pointer)
    {
        var collect = node["collect"] is not JsonValue collectValue || !collectValue.TryGetValue<bool>(out var value) || value;
        RerunPolicy? rerun = null;
        if (node["rerun"] is JsonObject rerunNode)
        {
            var count = ReadInt(rerunNode["count"]);
            var interval = ReadDuration(rerunNode["interval"], pointer + "/rerun/interval");
            var stop = rerunNode["stopWhenResolved"] is not JsonValue stopValue || !stopValue.TryGetValue<bool>(out var stopWhenResolved) || stopWhenResolved;
            if (interval is { } every && every < TimeSpan.FromMinutes(1))
            {
                // Instant tests take about a minute per round; faster reruns only burn the rate budget.
                Error(pointer + "/rerun/interval", "reruns must be at least 1m apart");
                return null;
            }

            if (count is null || interval is null)
            {
                return null;
            }

            rerun = new RerunPolicy(count.Value, interval.Value, stop);
        }

        // followUp.writeBack: absent means "wherever WriteBack is configured" (the schema makes it a boolean).
        bool? writeBack = node["writeBack"] is JsonValue writeBackValue && writeBackValue.TryGetValue<bool>(out var write) ? write : null;
        return new FollowUpPolicy(collect, rerun, node["verdict"] is JsonObject verdict ? ReadVerdict(verdict, pointer + "/verdict") : null, writeBack);
    }

    // followUp.verdict: names and types are the schema's (schemas/rules.v1.json) to refuse; each threshold's range is
    // the one FollowUp:Thresholds enforces, checked here so a bad rule fails at load, not at collection.
    private VerdictRules ReadVerdict(JsonObject node, string pointer)
    {
        var rules = ReadVerdictFields(node);
        // Unknown names are already reported by the schema.
        var known = rules.Thresholds.Where(pair => AlertProbe.Core.FollowUp.Verdicts.VerdictThresholds.Names.Contains(pair.Key)).ToDictionary();
        var thresholds = new AlertProbe.Core.FollowUp.Verdicts.VerdictThresholds().With(known);
        var problems = new List<System.ComponentModel.DataAnnotations.ValidationResult>();
        if (!System.ComponentModel.DataAnnotations.Validator.TryValidateObject(thresholds, new(thresholds), problems, validateAllProperties: true))
        {
            foreach (var problem in problems)
            {
                Error(pointer + "/thresholds", problem.ErrorMessage ?? "threshold out of range");
            }
        }

        return rules with { Thresholds = known };
    }

    private static VerdictRules ReadVerdictFields(JsonObject node) => new()
    {
        ExpectedAnswers = ScalarTexts(node["expectedAnswers"]),
        StatusCodes = node["statusCodes"] is JsonArray codes ? [.. codes.Select(ReadInt).OfType<int>()] : [],
        Thresholds = node["thresholds"] is JsonObject thresholds
            ? thresholds.Where(pair => pair.Value is JsonValue value && value.GetValueKind() == JsonValueKind.Number && value.TryGetValue<double>(out _) || pair.Value is JsonValue other && other.TryGetValue<long>(out _))
                .ToDictionary(pair => pair.Key, pair => pair.Value!.AsValue().TryGetValue<double>(out var d) ? d : pair.Value!.AsValue().GetValue<long>(), StringComparer.Ordinal)
            : new Dictionary<string, double>(),
    };

    private TimeSpan? ReadDuration(JsonNode? node, string pointer)
    {
        if (ReadString(node) is not { } text)
        {
            return null;
        }

        if (!RuleDuration.TryParse(text, out var duration))
        {
            Error(pointer, $"'{text}' is not a duration (write e.g. 90s, 10m, 1h30m or PT10M)");
            return null;
        }

        return duration;
    }

    private static IEnumerable<(string Text, string Pointer)> Strings(JsonNode? node, string pointer)
    {
        if (node is not JsonArray array)
        {
            yield break;
        }

        for (var i = 0; i < array.Count; i++)
        {
            if (ReadString(array[i]) is { } text)
            {
                yield return (text, DocumentPointer.Append(pointer, i));
            }
        }
    }

    private static List<string> ScalarTexts(JsonNode? node) =>
        node is JsonArray array ? array.Select(ReadScalarText).OfType<string>().ToList() : [];

    private static string? ReadString(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    private static string? ReadScalarText(JsonNode? node) => node is JsonValue value
        ? value.GetValueKind() switch
        {
            JsonValueKind.String => value.GetValue<string>(),
            JsonValueKind.Number => value.TryGetValue<long>(out var number) ? number.ToString(CultureInfo.InvariantCulture) : null,
            _ => null,
        }
        : null;

    private static int? ReadInt(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.Number && value.TryGetValue<long>(out var number) && number is >= int.MinValue and <= int.MaxValue
            ? (int)number
            : null;

    private void Error(string pointer, string message) => errors.Add((pointer, message));
}
