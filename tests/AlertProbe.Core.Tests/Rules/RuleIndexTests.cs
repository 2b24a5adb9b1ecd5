using System.Text;
using AlertProbe.Core.Alerts;
using AlertProbe.Core.Planning;
using AlertProbe.Core.Rules;
using AlertProbe.Core.Tests.Planning;
using CsCheck;

namespace AlertProbe.Core.Tests.Rules;

public class RuleIndexTests
{
    [Fact]
    public void An_alert_meets_only_the_rules_its_exact_label_values_can_match()
    {
        var ruleSet = Load(Enumerable.Range(0, 1000).Select(i => $"'service=\"svc-{i}\"'"));

        var candidates = ruleSet.Index.CandidatesFor(new AlertBuilder().WithLabel("service", "svc-500").Build());

        Assert.Equal([500], candidates);
    }

    [Fact]
    public void A_regex_with_a_literal_start_is_met_only_by_values_that_start_with_it()
    {
        var ruleSet = Load(Enumerable.Range(0, 100).Select(i => $"'service=~\"svc-{i}-(api|web)\"'"));

        var candidates = ruleSet.Index.CandidatesFor(new AlertBuilder().WithLabel("service", "svc-42-api").Build());

        // svc-4-… and svc-42-… are the literal starts of "svc-42-api"; only rule 42's start is followed by "-".
        Assert.Equal([42], candidates);
    }

    [Fact]
    public void A_rule_without_a_label_requirement_is_a_candidate_for_every_alert_in_rule_order()
    {
        var ruleSet = Load(["'service=\"a\"'", "'env!=\"dev\"'", "'service=\"b\"'", "'x=~\".*\"'"]);

        Assert.Equal([0, 1, 3], ruleSet.Index.CandidatesFor(new AlertBuilder().WithLabel("service", "a").Build()));
        Assert.Equal([1, 3], ruleSet.Index.CandidatesFor(new AlertBuilder().Build()));
    }

    [Fact]
    public void Names_with_and_without_the_labels_prefix_are_the_same_field()
    {
        var ruleSet = Load(["'labels.service=\"a\"'", "'service=~\"a.*\"'"]);

        Assert.Equal([0, 1], ruleSet.Index.CandidatesFor(new AlertBuilder().WithLabel("service", "a").Build()));
    }

    [Fact]
    public void The_index_never_changes_which_rules_match()
    {
        // Random rule sets and alerts over a small vocabulary (so that values collide): the planner, which evaluates only
        // the index's candidates, must match exactly the rules that a check of every rule in order matches.
        var names = new[] { "service", "labels.service", "env", "customProperties.url", "alert.name" };
        var values = new[] { "", "a", "ab", "abc", "b", "ba" };
        var patterns = new[] { "a.*", "ab|c", ".+", "b?", "a", "(a|b)c", "ab*", "[ab]+", ".*" };
        var matcher = Gen.OneOf(
            Gen.Select(Gen.Int[0, names.Length - 1], Gen.Int[0, 1], Gen.Int[0, values.Length - 1], (n, op, v) => $"{names[n]}{(op == 0 ? "=" : "!=")}\"{values[v]}\""),
            Gen.Select(Gen.Int[0, names.Length - 1], Gen.Int[0, 1], Gen.Int[0, patterns.Length - 1], (n, op, p) => $"{names[n]}{(op == 0 ? "=~" : "!~")}\"{patterns[p]}\""));
        var rules = matcher.Array[0, 3].Array[1, 12];
        var field = Gen.Int[0, values.Length].Select(v => v == values.Length ? null : values[v]);
        var alert = Gen.Select(field, field, field, Gen.Int[0, values.Length - 1], (service, env, url, name) =>
        {
            var builder = new AlertBuilder().Named(values[name] is "" ? "x" : values[name]);
            if (service is not null) { builder.WithLabel("service", service); }
            if (env is not null) { builder.WithLabel("env", env); }
            if (url is not null) { builder.WithCustomProperty("url", url); }
            return builder.Build();
        });

        Gen.Select(rules, alert).Sample((ruleMatchers, sample) =>
        {
            var ruleSet = Load(ruleMatchers.Select(labels => string.Join(", ", labels.Select(label => $"'{label}'"))), continueAll: true);
            var expected = ruleSet.Rules.Where(rule => rule.Match.Matches(sample)).Select(rule => rule.Name).ToList();

            Assert.Equal(expected, new RulePlanner(ruleSet).Plan(sample).MatchedRules);
        }, iter: 2000);
    }

    private static RuleSet Load(IEnumerable<string> labelsPerRule, bool continueAll = false)
    {
        var yaml = new StringBuilder("version: 1\ndefaults: { agents: { ids: [\"1\"] } }\nrules:\n");
        var i = 0;
        foreach (var labels in labelsPerRule)
        {
            yaml.Append(System.Globalization.CultureInfo.InvariantCulture, $"  - name: rule-{i++}\n    match: {{ labels: [{labels}] }}\n    continue: {(continueAll ? "true" : "false")}\n    tests: [{{ type: dns-trace, domain: example.com }}]\n");
        }

        var result = RuleSetLoader.Load(yaml.ToString(), "rules.yaml");
        Assert.True(result.IsSuccess, result.ToString());
        return result.RuleSet;
    }
}
