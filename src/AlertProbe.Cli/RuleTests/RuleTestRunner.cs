using System.Globalization;
using System.Text;
using AlertProbe.Cli.Mapping;
using AlertProbe.Cli.Payloads;
using AlertProbe.Core.Intake;
using AlertProbe.Core.Planning;

namespace AlertProbe.Cli.RuleTests;

/// <summary>
/// Runs each case's payload through the dry-run planner and compares the outcome with the expectation: plans and
/// rejections as multisets (order does not matter), every plan and rejection accounted for.
/// </summary>
internal static class RuleTestRunner
{
    public static IReadOnlyList<RuleTestOutcome> Run(RuleTestSuite suite, DryRunPlanner planner, CliContext context)
    {
        ArgumentNullException.ThrowIfNull(suite);
        ArgumentNullException.ThrowIfNull(planner);
        return [.. suite.Cases.Select(testCase => Run(testCase, planner, context))];
    }

    private static RuleTestOutcome Run(RuleTestCase testCase, DryRunPlanner planner, CliContext context)
    {
        PayloadFile? payload;
        if (testCase.PayloadPath is { } path)
        {
            payload = PayloadFile.Read(context, path, out var error);
            if (payload is null)
            {
                return new RuleTestOutcome { Case = testCase, Differences = [error!] };
            }
        }
        else
        {
            payload = new PayloadFile { Path = "(inline)", DisplayName = "(inline)", Body = Encoding.UTF8.GetBytes(testCase.InlineBody ?? string.Empty) };
        }

        var mapping = planner.Map(payload, testCase.Source);
        var differences = new List<string>();
        if (testCase.Format is { } format && !string.Equals(format, mapping.Document.Format, StringComparison.OrdinalIgnoreCase))
        {
            differences.Add($"format: expected {format}, got {mapping.Document.Format ?? "none (payload refused)"}");
        }

        CompareMultisets(
            testCase.Plans.OrderByDescending(p => p.Specificity).ToList(),
            mapping.Requests.Select(r => r.Test).ToList(),
            Matches,
            Describe,
            Describe,
            "plan",
            differences);
        CompareMultisets(
            testCase.Rejections.OrderByDescending(r => r.DescriptionContains is null ? 0 : 1).ToList(),
            mapping.Document.Rejections.ToList(),
            (expected, actual) => string.Equals(expected.Reason, actual.Reason, StringComparison.Ordinal)
                && (expected.DescriptionContains is null || actual.Description.Contains(expected.DescriptionContains, StringComparison.OrdinalIgnoreCase)),
            expected => expected.DescriptionContains is null ? expected.Reason : $"{expected.Reason} (description containing \"{expected.DescriptionContains}\")",
            actual => $"{actual.Reason}: {actual.Description}",
            "rejection",
            differences);
        return new RuleTestOutcome { Case = testCase, Differences = differences };
    }

    private static void CompareMultisets<TExpected, TActual>(
        List<TExpected> expected,
        List<TActual> actual,
        Func<TExpected, TActual, bool> matches,
        Func<TExpected, string> describeExpected,
        Func<TActual, string> describeActual,
        string noun,
        List<string> differences)
    {
        var unmatched = new List<TActual>(actual);
        foreach (var expectation in expected)
        {
            var index = unmatched.FindIndex(candidate => matches(expectation, candidate));
            if (index >= 0)
            {
                unmatched.RemoveAt(index);
            }
            else
            {
                differences.Add($"- missing {noun}:    {describeExpected(expectation)}");
            }
        }

        differences.AddRange(unmatched.Select(extra => $"+ unexpected {noun}: {describeActual(extra)}"));
    }

    private static bool Matches(ExpectedPlan expected, PlannedTest actual)
    {
        var plan = actual.Plan;
        return Same(expected.Rule, plan.Rule)
            && Same(expected.Type, plan.TestType)
            && Same(expected.Target, plan.Target)
            && Same(expected.AlertId, plan.AlertId)
            && (expected.Agents is null || SameAgents(expected.Agents, plan.Agents));

        static bool Same(string? wanted, string value) => wanted is null || string.Equals(wanted, value, StringComparison.OrdinalIgnoreCase);
    }

    private static bool SameAgents(ExpectedAgents expected, AgentSelector actual) =>
        SameSet(expected.Ids, actual.Ids)
        && SameSet(expected.Names, actual.Names)
        && SameSet(expected.Labels, actual.Labels)
        && SameSet(expected.Countries, actual.Countries)
        && SameSet(expected.Types, actual.Types)
        && expected.Max == actual.Max;

    private static bool SameSet(IReadOnlyList<string> left, IReadOnlyList<string> right) =>
        left.ToHashSet(StringComparer.OrdinalIgnoreCase).SetEquals(right);

    private static string Describe(ExpectedPlan plan)
    {
        var parts = new List<string>();
        if (plan.Rule is not null)
        {
            parts.Add($"rule {plan.Rule}");
        }

        if (plan.AlertId is not null)
        {
            parts.Add($"alert {plan.AlertId}");
        }

        if (plan.Agents is { } agents)
        {
            parts.Add("agents " + CoalescingKey.Describe(new AgentSelector
            {
                Ids = agents.Ids, Names = agents.Names, Labels = agents.Labels, Countries = agents.Countries, Types = agents.Types, Max = agents.Max,
            }));
        }

        return $"{plan.Type ?? "(any type)"} {plan.Target ?? "(any target)"}{(parts.Count > 0 ? $" ({string.Join(", ", parts)})" : string.Empty)}";
    }

    private static string Describe(PlannedTest test)
    {
        var plan = test.Plan;
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{plan.TestType} {plan.Target} (rule {plan.Rule}, alert {plan.AlertId}, agents {CoalescingKey.Describe(plan.Agents)})");
    }
}
