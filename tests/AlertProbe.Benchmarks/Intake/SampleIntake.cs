using AlertProbe.Core.Alerts;
using AlertProbe.Core.Intake;
using AlertProbe.Core.Planning;
using AlertProbe.Core.Policy;
using AlertProbe.Core.Rules;

namespace AlertProbe.Benchmarks.Intake;

/// <summary>The intake's pure half as the function builds it: the sample rules and the default target policy.</summary>
public static class SampleIntake
{
    /// <summary>A message id, as Service Bus would give one (manual requests take their alert id from it).</summary>
    public static PayloadHints Hints { get; } = new() { MessageId = "benchmark-message-1" };

    public static string AlertsFolder => RepositoryRoot.Combine("samples", "alerts");

    /// <summary>The sample payload file names, in a stable order.</summary>
    public static IEnumerable<string> PayloadFiles() =>
        Directory.EnumerateFiles(AlertsFolder, "*.json")
            .Select(path => Path.GetFileName(path))
            .Order(StringComparer.Ordinal);

    public static byte[] ReadPayload(string fileName) => File.ReadAllBytes(Path.Combine(AlertsFolder, fileName));

    public static IntakePlanner CreatePlanner()
    {
        var rules = RuleSetLoader.LoadFile(RepositoryRoot.Combine("samples", "rules.yaml"));
        if (!rules.IsSuccess)
        {
            throw new InvalidOperationException($"samples/rules.yaml does not load: {rules}");
        }

        return new IntakePlanner(
            new AlertPayloadParser(),
            new RulePlanner(rules.RuleSet),
            new TargetPolicy(new TargetPolicyOptions()));
    }

    /// <summary>
    /// Plans the payload once and refuses to measure one that is refused as a whole: a benchmark of the
    /// refusal path would report a fast intake that does no work. Returns what the plan holds, for the record.
    /// </summary>
    public static string EnsureUnderstood(IntakePlanner planner, byte[] payload, string name)
    {
        ArgumentNullException.ThrowIfNull(planner);
        var plan = planner.Plan(payload, Hints);
        if (plan.IsRejected)
        {
            throw new InvalidOperationException($"{name} is refused ({plan.PayloadRejection}); fix the payload before measuring it.");
        }

        return $"{name}: {plan.Format}, {plan.Alerts.Count} alerts, {plan.Tests.Count} tests, {plan.Rejections.Count} rejected plans";
    }
}
