using System.Text.Json.Nodes;
using AlertProbe.Core.Alerts;
using AlertProbe.Core.Outcomes;
using AlertProbe.Core.Rules;
using AlertProbe.Core.Rules.Templates;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AlertProbe.Core.Planning;

/// <summary>
/// Turns an alert into test plans: rules are evaluated in order; the first matching rule wins unless it says
/// <c>continue: true</c>. Each test of a matching rule is rendered from the alert; a value the alert lacks
/// rejects that test (never an empty field sent on).
/// Resolved alerts never produce plans: a rule that matches them (<c>status: resolved|any</c>) is reported as
/// matched with a note, and a firing-only rule that would otherwise match adds a note too. Reruns that should
/// stop on resolution are stopped by the follow-up, not by planning.
/// </summary>
public sealed partial class RulePlanner
{
    private readonly ILogger logger;
    private readonly Func<RuleSet> current;

    /// <summary>Plans with one fixed rule set.</summary>
    public RulePlanner(RuleSet ruleSet, ILogger<RulePlanner>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        this.logger = logger ?? NullLogger<RulePlanner>.Instance;
        current = () => ruleSet;
    }

    /// <summary>Plans with whatever rules <paramref name="provider"/> holds at the time of each call (they may be reloaded).</summary>
    public RulePlanner(RuleSetProvider provider, ILogger<RulePlanner>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(provider);
        this.logger = logger ?? NullLogger<RulePlanner>.Instance;
        current = () => provider.Current;
    }

    /// <summary>The rules in use now.</summary>
    public RuleSet RuleSet => current();

    public PlanningResult Plan(Alert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);

        // One rule set for the whole alert, even if a reload replaces it meanwhile.
        var ruleSet = RuleSet;
        var plans = new List<TestPlan>();
        var rejections = new List<Rejection>();
        var matched = new List<string>();
        var notes = new List<string>();
        var resolved = alert.Status == AlertStatus.Resolved;

        // Only the rules the index cannot rule out are evaluated; they come in rule order, so "first match wins" holds.
        foreach (var ruleIndex in ruleSet.Index.CandidatesFor(alert))
        {
            var rule = ruleSet.Rules[ruleIndex];
            if (!rule.Match.MatchesContent(alert))
            {
                continue;
            }

            if (!rule.Match.MatchesStatus(alert.Status))
            {
                if (resolved)
                {
                    notes.Add($"rule '{rule.Name}' matches but the alert is resolved: no test");
                }

                continue;
            }

            matched.Add(rule.Name);
            if (resolved)
            {
                notes.Add($"rule '{rule.Name}' matched the resolved alert: resolved alerts never start tests");
            }
            else
            {
                for (var index = 0; index < rule.Tests.Count; index++)
                {
                    var (plan, rejection) = PlanTest(rule, index, alert);
                    if (plan is not null)
                    {
                        plans.Add(plan);
                    }
                    else
                    {
                        rejections.Add(rejection!);
                        Log.TestRejected(this.logger, alert.Id, rule.Name, index, rejection!.Reason);
                    }
                }
            }

            if (!rule.Continue)
            {
                break;
            }
        }

        if (matched.Count == 0 && notes.Count == 0)
        {
            notes.Add("no rule matched");
        }

        Log.Planned(this.logger, alert.Id, matched.Count, plans.Count, rejections.Count);
        return new PlanningResult
        {
            // OrderByDescending is stable: rule order is kept within one priority.
            Plans = plans.OrderByDescending(plan => plan.Priority).ToList(),
            Rejections = rejections,
            MatchedRules = matched,
            Notes = notes,
        };
    }

    private static (TestPlan? Plan, Rejection? Rejection) PlanTest(Rule rule, int index, Alert alert)
    {
        var test = rule.Tests[index];
        var what = $"rule '{rule.Name}' test {index} ({test.Type.Name})";
        var fields = new JsonObject();
        foreach (var (name, field) in test.Fields)
        {
            var rendered = field.Render(alert, name);
            if (!rendered.IsSuccess)
            {
                return (null, Reject(what, rendered.FailedField!, rendered.FailedTemplate!, rendered.Failure!));
            }

            fields[name] = rendered.Value;
        }

        string? testName = null;
        if (test.Name is not null)
        {
            var rendered = test.Name.Render(alert);
            if (!rendered.IsSuccess)
            {
                return (null, Reject(what, "name", test.Name.Source, rendered.Failure));
            }

            testName = rendered.Value;
        }

        if (!TargetNormalizer.TryGetTarget(test.Type, fields, out var target, out var error))
        {
            return (null, new Rejection(RejectionReasons.InvalidField, $"{what}: {error}"));
        }

        return (new TestPlan
        {
            Rule = rule.Name,
            AlertId = alert.Id,
            Source = alert.Source,
            Severity = alert.Severity,
            TestType = test.Type.Name,
            Target = target,
            Fields = fields,
            Agents = test.Agents,
            FollowUp = rule.FollowUp,
            Cooldown = rule.Cooldown,
            AccountGroupId = rule.AccountGroupId,
            Priority = rule.Priority,
            TestName = testName,
            WriteBack = AlertProbe.Core.FollowUp.WriteBack.WriteBackTargets.From(alert),
        }, null);
    }

    private static Rejection Reject(string what, string field, string template, TemplateFailure failure)
    {
        var reason = failure.Kind switch
        {
            TemplateFailureKind.MissingValue when failure.Variable.StartsWith("target", StringComparison.Ordinal) => RejectionReasons.NoTarget,
            TemplateFailureKind.MissingValue => RejectionReasons.MissingField,
            _ => RejectionReasons.InvalidField,
        };
        return new Rejection(reason, $"{what} field '{field}': template '{template}': {failure.Detail}");
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "Alert {AlertId} matched {MatchedRules} rules: {Plans} plans, {Rejections} rejected")]
        public static partial void Planned(ILogger logger, string alertId, int matchedRules, int plans, int rejections);

        [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Alert {AlertId}: rule {Rule} test {TestIndex} not planned ({Reason})")]
        public static partial void TestRejected(ILogger logger, string alertId, string rule, int testIndex, string reason);
    }
}
