using AlertProbe.Core.Alerts;
using AlertProbe.Core.FollowUp.Delivery;
using AlertProbe.Core.Outcomes;
using AlertProbe.Core.Planning;
using AlertProbe.Core.Policy;

namespace AlertProbe.Core.Intake;

/// <summary>
/// The pure half of intake: parse → normalise → match rules → plan → target policy. No I/O, so the CLI's
/// dry run shows exactly what the function would do with the same payload.
/// </summary>
public sealed class IntakePlanner(AlertPayloadParser parser, RulePlanner rules, TargetPolicy policy, ReplyPolicy? replies = null)
{
    private readonly ReplyPolicy replyPolicy = replies ?? ReplyPolicy.Default;

    public IntakePlan Plan(ReadOnlyMemory<byte> body, PayloadHints hints)
    {
        ArgumentNullException.ThrowIfNull(hints);
        var parsed = parser.Parse(body, hints);
        if (parsed.IsRejected)
        {
            return new IntakePlan { Format = parsed.Format, PayloadRejection = parsed.Rejection };
        }

        // A reply address the reply policy refuses refuses the whole request before any test is created: the app
        // would otherwise POST the verdict wherever the sender chose.
        foreach (var alert in parsed.Alerts)
        {
            if (alert.Reply is { } reply && replyPolicy.Check(reply) is { } refused)
            {
                return new IntakePlan { Format = parsed.Format, PayloadRejection = refused };
            }
        }

        var candidates = new List<TestPlan>(parsed.ManualPlans);
        var rejections = new List<Rejection>();
        var matched = new List<string>();
        var notes = new List<string>(parsed.Notes);

        // Manual requests carry their tests; rules apply to every other alert.
        foreach (var alert in parsed.Alerts.Where(a => a.Source != AlertSource.Manual))
        {
            var planning = rules.Plan(alert);
            candidates.AddRange(planning.Plans);
            rejections.AddRange(planning.Rejections);
            matched.AddRange(planning.MatchedRules);
            notes.AddRange(planning.Notes);
            if (planning.MatchedRules.Count == 0 && alert.Status == AlertStatus.Firing)
            {
                notes.Add($"no rule matched {alert.Source} alert '{alert.Name}' ({alert.Id})");
            }
        }

        var tests = new List<PlannedTest>();
        foreach (var plan in candidates)
        {
            var decision = policy.Evaluate(plan);
            if (decision.IsAllowed)
            {
                tests.Add(PlannedTest.For(decision.Plan));
            }
            else
            {
                rejections.Add(decision.Rejection);
            }
        }

        return new IntakePlan
        {
            Format = parsed.Format,
            Alerts = parsed.Alerts,
            // Higher priority first, then more severe: a short budget goes to what matters most.
            Tests = [.. tests.OrderByDescending(t => t.Plan.Priority).ThenBy(t => t.Plan.Severity)],
            Rejections = rejections,
            MatchedRules = [.. matched.Distinct(StringComparer.Ordinal)],
            Notes = notes,
        };
    }
}
