using AlertProbe.Core.Alerts;

namespace AlertProbe.Core.Rules;

/// <summary>
/// Which rules an alert can possibly match, found without evaluating them. Each rule is filed under the most selective
/// thing one of its label matchers requires: an exact value (<c>service="checkout"</c>), a literal start of the value
/// (<c>instance=~"https://shop\..*"</c>), or merely a non-empty value (<c>x!=""</c>, a regex the empty string does not
/// match). A rule with none of those is a candidate for every alert. Candidates come out in rule order and are then
/// evaluated in full, so the index changes how many rules are looked at, never which ones match.
/// </summary>
internal sealed class RuleIndex
{
    private readonly int[] everyAlert;
    private readonly FieldIndex[] fields;

    private RuleIndex(int[] everyAlert, FieldIndex[] fields)
    {
        this.everyAlert = everyAlert;
        this.fields = fields;
    }

    public static RuleIndex Build(IReadOnlyList<Rule> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var everyAlert = new List<int>();
        var byField = new Dictionary<string, FieldIndex.Builder>(StringComparer.Ordinal);
        for (var i = 0; i < rules.Count; i++)
        {
            if (BestRequirement(rules[i].Match.Labels) is not { } requirement)
            {
                everyAlert.Add(i);
                continue;
            }

            var (matcher, kind, text) = requirement;
            if (!byField.TryGetValue(matcher.Field, out var field))
            {
                byField[matcher.Field] = field = new FieldIndex.Builder(matcher);
            }

            field.Add(kind, text, i);
        }

        return new RuleIndex([.. everyAlert], [.. byField.Values.Select(builder => builder.Build())]);
    }

    /// <summary>The indices of the rules <paramref name="alert"/> may match, ascending.</summary>
    public List<int> CandidatesFor(Alert alert)
    {
        var found = new List<int>();
        foreach (var field in fields)
        {
            field.Collect(alert, found);
        }

        if (found.Count == 0)
        {
            return [.. everyAlert];
        }

        found.AddRange(everyAlert);
        found.Sort();
        return found;
    }

    /// <summary>How many rules are filed under a requirement (the rest are candidates for every alert): for tests and benchmarks.</summary>
    public int IndexedCount => fields.Sum(index => index.Count);

    private static (LabelMatcher Matcher, RequirementKind Kind, string Text)? BestRequirement(IReadOnlyList<LabelMatcher> matchers)
    {
        (LabelMatcher, RequirementKind, string)? best = null;
        foreach (var matcher in matchers)
        {
            (LabelMatcher, RequirementKind, string)? candidate = matcher.Operator switch
            {
                LabelMatchOperator.Equal when matcher.Value.Length > 0 => (matcher, RequirementKind.Exact, matcher.Value),
                LabelMatchOperator.Regex when matcher.Pattern!.LiteralPrefix.Length > 0 => (matcher, RequirementKind.Prefix, matcher.Pattern.LiteralPrefix),
                LabelMatchOperator.Regex when !matcher.Pattern!.MatchesEmpty => (matcher, RequirementKind.Present, string.Empty),
                LabelMatchOperator.NotEqual when matcher.Value.Length == 0 => (matcher, RequirementKind.Present, string.Empty),
                _ => null,
            };
            if (candidate is { } found && (best is null || found.Item2 < best.Value.Item2))
            {
                best = found;
            }
        }

        return best;
    }

    /// <summary>Most selective first.</summary>
    private enum RequirementKind
    {
        Exact,
        Prefix,
        Present,
    }

    private sealed class FieldIndex
    {
        private readonly LabelMatcher reader;
        private readonly Dictionary<string, int[]>.AlternateLookup<ReadOnlySpan<char>> exact;
        private readonly Dictionary<string, int[]>.AlternateLookup<ReadOnlySpan<char>> prefixes;
        private readonly int longestPrefix;
        private readonly int[] present;

        private FieldIndex(LabelMatcher reader, Dictionary<string, int[]> exact, Dictionary<string, int[]> prefixes, int[] present)
        {
            this.reader = reader;
            this.exact = exact.GetAlternateLookup<ReadOnlySpan<char>>();
            this.prefixes = prefixes.GetAlternateLookup<ReadOnlySpan<char>>();
            longestPrefix = prefixes.Count == 0 ? 0 : prefixes.Keys.Max(prefix => prefix.Length);
            this.present = present;
            Count = exact.Values.Sum(rules => rules.Length) + prefixes.Values.Sum(rules => rules.Length) + present.Length;
        }

        public int Count { get; }

        public void Collect(Alert alert, List<int> found)
        {
            var value = reader.Read(alert);
            if (string.IsNullOrEmpty(value))
            {
                // Every requirement filed here needs a non-empty value.
                return;
            }

            found.AddRange(present);
            if (exact.TryGetValue(value, out var exactRules))
            {
                found.AddRange(exactRules);
            }

            var span = value.AsSpan();
            for (var length = Math.Min(longestPrefix, span.Length); length > 0; length--)
            {
                if (prefixes.TryGetValue(span[..length], out var prefixRules))
                {
                    found.AddRange(prefixRules);
                }
            }
        }

        public sealed class Builder(LabelMatcher reader)
        {
            private readonly Dictionary<string, List<int>> exact = new(StringComparer.Ordinal);
            private readonly Dictionary<string, List<int>> prefixes = new(StringComparer.Ordinal);
            private readonly List<int> present = [];

            public void Add(RequirementKind kind, string text, int rule)
            {
                var target = kind switch
                {
                    RequirementKind.Exact => exact,
                    RequirementKind.Prefix => prefixes,
                    _ => null,
                };
                if (target is null)
                {
                    present.Add(rule);
                    return;
                }

                if (!target.TryGetValue(text, out var rules))
                {
                    target[text] = rules = [];
                }

                rules.Add(rule);
            }

            public FieldIndex Build() => new(
                reader,
                exact.ToDictionary(pair => pair.Key, pair => pair.Value.ToArray(), StringComparer.Ordinal),
                prefixes.ToDictionary(pair => pair.Key, pair => pair.Value.ToArray(), StringComparer.Ordinal),
                [.. present]);
        }
    }
}
