using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Text.Json;
using AlertProbe.Core.Messages;
using AlertProbe.Core.Outcomes;

namespace AlertProbe.Core.Diagnostics;

/// <summary>
/// The app's one <see cref="ActivitySource"/> and one <see cref="Meter"/>, both named <see cref="Name"/>, and the
/// instruments on it. Hosts subscribe by that name (the Functions app's OpenTelemetry set-up, the CLI's tests); the
/// names below are what docs/deployment.md and the workbook in infra/ chart, so renaming one breaks dashboards.
/// </summary>
public static class AlertProbeTelemetry
{
    /// <summary>The name of the activity source and the meter.</summary>
    public const string Name = "AlertProbe";

    /// <summary>Counter: instant tests created (not counting a republish of one created earlier).</summary>
    public const string TestsCreated = "alertprobe.tests.created";

    /// <summary>Counter: plans that coalesced onto a test created for the same target within the cooldown.</summary>
    public const string TestsCoalesced = "alertprobe.tests.coalesced";

    /// <summary>Counter, tag <c>reason</c>: plans refused (policy, validation, agents, ThousandEyes 400).</summary>
    public const string TestsRefused = "alertprobe.tests.refused";

    /// <summary>Counter, tags <c>reason</c> and <c>function</c> (intake, collect, rerun): messages dead-lettered by the app.</summary>
    public const string DeadLetters = "alertprobe.messages.dead_lettered";

    /// <summary>Gauge: instant-test calls the shared rate budget still allows in the current window.</summary>
    public const string RateBudgetRemaining = "alertprobe.rate_budget.remaining";

    /// <summary>Histogram (seconds), tag <c>verdict</c>: from the alert message reaching AlertProbe to its verdict.</summary>
    public const string AlertToVerdict = "alertprobe.alert_to_verdict.duration";

    /// <summary>Counter, tags <c>verdict</c> and <c>test_type</c>: verdicts published.</summary>
    public const string Verdicts = "alertprobe.verdicts";

    public static ActivitySource Source { get; } = new(Name);

    public static Meter Meter { get; } = new(Name);

    private static readonly Counter<long> Created = Meter.CreateCounter<long>(TestsCreated, "{test}", "Instant tests created");
    private static readonly Counter<long> Coalesced = Meter.CreateCounter<long>(TestsCoalesced, "{plan}", "Plans coalesced onto an existing test");
    private static readonly Counter<long> Refused = Meter.CreateCounter<long>(TestsRefused, "{plan}", "Plans refused, by reason");
    private static readonly Counter<long> DeadLettered = Meter.CreateCounter<long>(DeadLetters, "{message}", "Messages dead-lettered, by reason");
    private static readonly Gauge<int> BudgetRemaining = Meter.CreateGauge<int>(RateBudgetRemaining, "{call}", "Instant-test calls left in the rate budget's window");
    private static readonly Histogram<double> VerdictLatency = Meter.CreateHistogram<double>(AlertToVerdict, "s", "Time from the alert message reaching AlertProbe to its verdict");
    private static readonly Counter<long> VerdictCount = Meter.CreateCounter<long>(Verdicts, "{verdict}", "Verdicts published, by kind");

    /// <summary>Counts an instant test created (not a republish of one created earlier).</summary>
    internal static void RecordCreated(KeyValuePair<string, object?> testType) => Created.Add(1, testType);

    /// <summary>Counts a plan coalesced onto a test created for the same target within the cooldown.</summary>
    internal static void RecordCoalesced(KeyValuePair<string, object?> testType) => Coalesced.Add(1, testType);

    /// <summary>Counts a plan refused when its creation was tried.</summary>
    internal static void RecordRefused(string reason, KeyValuePair<string, object?> testType) =>
        Refused.Add(1, new KeyValuePair<string, object?>(MetricTags.Reason, reason), testType);

    /// <summary>Counts plans refused before any creation was tried (target policy, no target).</summary>
    public static void RecordRefused(IEnumerable<Rejection> rejections)
    {
        ArgumentNullException.ThrowIfNull(rejections);
        foreach (var rejection in rejections)
        {
            Refused.Add(1, new KeyValuePair<string, object?>(MetricTags.Reason, rejection.Reason));
        }
    }

    /// <summary>Counts a dead-lettered message (the settler and the CLI's in-process queue call this).</summary>
    public static void RecordDeadLetter(string function, string reason) =>
        DeadLettered.Add(1, new KeyValuePair<string, object?>(MetricTags.Reason, reason), new KeyValuePair<string, object?>(MetricTags.Function, function));

    /// <summary>What the shared rate budget still allows in its window, as last seen by this instance.</summary>
    public static void RecordBudgetRemaining(int remaining) => BudgetRemaining.Record(Math.Max(remaining, 0));

    /// <summary>A verdict was published: counted by kind, and timed from <paramref name="alertReceivedAt"/> when known.</summary>
    public static void RecordVerdict(InstantTestResults results, DateTimeOffset? alertReceivedAt)
    {
        ArgumentNullException.ThrowIfNull(results);
        var verdict = JsonNamingPolicy.CamelCase.ConvertName(results.Verdict.ToString());
        VerdictCount.Add(1, new KeyValuePair<string, object?>(MetricTags.Verdict, verdict), new KeyValuePair<string, object?>(MetricTags.TestType, results.TestType));
        if (alertReceivedAt is { } received && results.CollectedAt >= received)
        {
            VerdictLatency.Record((results.CollectedAt - received).TotalSeconds, new KeyValuePair<string, object?>(MetricTags.Verdict, verdict));
        }
    }
}
