using System.Globalization;
using AlertProbe.Cli.Mapping;
using AlertProbe.Core.Intake;
using AlertProbe.Core.Messages;
using Spectre.Console;

namespace AlertProbe.Cli.LocalRun;

/// <summary>The human form of <c>run</c>: a line per settled message while it runs, then a results table.</summary>
internal static class RunRenderer
{
    public static string DescribeSettlement(Delivery delivery, TimeSpan sinceStart, IReadOnlyDictionary<string, string> payloadFiles)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        ArgumentNullException.ThrowIfNull(payloadFiles);
        var subject = Subject(delivery.Handler, delivery.Message, delivery.OriginalMessageId, payloadFiles);
        var cause = delivery.Cause is { } c ? $" (cause: {c})" : string.Empty;
        var outcome = delivery.Outcome switch
        {
            IntakeOutcome.Completed completed => Shorten(completed.Reason, subject),
            IntakeOutcome.Rescheduled rescheduled => $"not yet, again at +{Clock(sinceStart + (rescheduled.At - delivery.At))}: {Shorten(rescheduled.Reason, subject)}",
            IntakeOutcome.DeadLettered dead => $"dead-lettered {dead.Reason}: {Shorten(dead.Description, subject)}{cause}",
            IntakeOutcome.Abandoned abandoned => $"abandoned (delivery {delivery.DeliveryCount}), delivered again: {Shorten(abandoned.Error, subject)}{cause}",
            _ => delivery.Outcome.ToString(),
        };

        // "test 7000001 run 0 is healthy, …" already starts with the subject: say it once.
        return outcome.StartsWith(subject + " ", StringComparison.Ordinal)
            ? $"+{Clock(sinceStart)}  {delivery.Handler,-7}  {outcome}"
            : $"+{Clock(sinceStart)}  {delivery.Handler,-7}  {subject}: {outcome}";
    }

    /// <summary>For the progress display: "intake: samples/alerts/grafana.json (delivery 3)", "waiting for collect of test 7000001 run 0".</summary>
    public static string DescribeActivity(RunActivity activity, IReadOnlyDictionary<string, string> payloadFiles)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(payloadFiles);
        var original = activity.Message.Message.ApplicationProperties.TryGetValue(MessageProperties.OriginalMessageId, out var value) && value is string { Length: > 0 } id
            ? id
            : activity.Message.Message.MessageId;
        var subject = Subject(activity.Handler, activity.Message, original, payloadFiles);
        return activity.WaitingUntil is not null
            ? $"waiting for {activity.Handler} of {subject}"
            : activity.DeliveryCount > 1
                ? string.Create(CultureInfo.InvariantCulture, $"{activity.Handler}: {subject} (delivery {activity.DeliveryCount})")
                : $"{activity.Handler}: {subject}";
    }

    private static string Subject(string handler, BusMessage message, string originalMessageId, IReadOnlyDictionary<string, string> payloadFiles) =>
        handler == Delivery.Intake
            ? payloadFiles.GetValueOrDefault(originalMessageId, originalMessageId)
            : MessageEnvelope.ReadInstantTestCreated(message.Message.Body) is { IsSuccess: true } read
                ? string.Create(CultureInfo.InvariantCulture, $"test {read.Message.TestId} run {read.Message.Run}")
                : message.Message.MessageId;

    /// <summary>Drops a repetition of the line's subject inside the handler's text ("results of test 7000001 run 0: …").</summary>
    private static string Shorten(string text, string subject) =>
        text.Replace($" of {subject}", string.Empty, StringComparison.Ordinal).Replace($" for {subject}", string.Empty, StringComparison.Ordinal);

    public static void RenderReport(IAnsiConsole console, RunResult result, TimeSpan realTime)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(result);
        var document = result.Document!;
        console.WriteLine();
        if (document.Tests.Count > 0 && FitsAsTable(document.Tests, console.Profile.Width))
        {
            var table = new Table().Border(TableBorder.Rounded).Title("Instant tests");

            // URLs, ids and verdicts are never split mid-word; agent names and the explanation wrap instead.
            table.AddColumn(new TableColumn("Test").NoWrap());
            table.AddColumn(new TableColumn("Type").NoWrap());
            table.AddColumn(new TableColumn("Target").NoWrap());
            table.AddColumn(new TableColumn("Agents"));
            table.AddColumn(new TableColumn("Runs").NoWrap());
            table.AddColumn(new TableColumn("Verdict").NoWrap());
            table.AddColumn(new TableColumn("Why"));
            foreach (var test in document.Tests)
            {
                table.AddRow(
                    new Text(test.TestId),
                    new Text(test.TestType),
                    new Text(test.Target),
                    new Text(string.Join(Environment.NewLine, test.Agents.Select(a => a.AgentName ?? a.AgentId))),
                    new Text(test.Runs.Count.ToString(CultureInfo.InvariantCulture)),
                    new Markup(VerdictMarkup(test.Verdict)),
                    new Text(Why(test)));
            }

            console.Write(table);
        }
        else if (document.Tests.Count > 0)
        {
            // Too narrow for the table without cutting a target: one block per test.
            console.MarkupLine("[bold]Instant tests[/]");
            foreach (var test in document.Tests)
            {
                console.MarkupLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"  {Markup.Escape(test.TestId)}  {Markup.Escape(test.TestType)}  {VerdictMarkup(test.Verdict)}  ({test.Runs.Count} run(s))"));
                console.WriteLine($"    target: {test.Target}");
                console.WriteLine($"    agents: {string.Join("; ", test.Agents.Select(a => a.AgentName ?? a.AgentId))}");
                if (test.Location is { Layer: not "none" } location)
                {
                    console.WriteLine($"    where:  {location.Summary}");
                }

                if (test.Reasons.Count > 0)
                {
                    console.WriteLine($"    why:    {test.Reasons[0]}");
                }
            }
        }
        else
        {
            console.MarkupLine("No instant test was created.");
        }

        foreach (var rejection in document.Rejections)
        {
            console.MarkupLine($"[red]Rejected[/] {Markup.Escape(rejection.Payload ?? "payload")}: {Markup.Escape(rejection.Reason)}: {Markup.Escape(rejection.Description)}");
        }

        foreach (var payload in document.Payloads.Where(p => p.Outcome is "completed" && p.Detail.StartsWith("no test to run", StringComparison.Ordinal)))
        {
            console.MarkupLine($"{Markup.Escape(payload.File)}: {Markup.Escape(payload.Detail)}");
        }

        foreach (var error in document.Errors)
        {
            console.MarkupLine($"[red]Error[/] ({Markup.Escape(error.Stage)}): {Markup.Escape(error.Reason)}: {Markup.Escape(error.Description)}");
        }

        var verdicts = document.Tests
            .GroupBy(t => t.Verdict ?? "not collected")
            .Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Count()} {g.Key}"));
        var timing = result.Embedded
            ? $"flow time {MapRenderer.Duration(Round(result.FlowTime))} on the run's clock ({MapRenderer.Duration(Round(result.SkippedWaiting))} of waiting skipped), {realTime.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)}s real"
            : $"{realTime.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)}s";
        console.MarkupLine(Markup.Escape(string.Create(
            CultureInfo.InvariantCulture,
            $"{document.Tests.Count} test(s){(document.Tests.Count > 0 ? ": " + string.Join(", ", verdicts) : string.Empty)}; {document.Rejections.Count} rejection(s); {timing}.")));
    }

    /// <summary>After Ctrl+C: which tests already exist (they are not undone), and whether a creation was in flight.</summary>
    public static string DescribeInterruption(RunResult result, IReadOnlyDictionary<string, string> payloadFiles)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(payloadFiles);
        var tests = result.Document?.Tests ?? [];
        var where = result.Embedded ? "in the embedded simulator" : $"in the ThousandEyes account ({result.ThousandEyesBaseUrl})";
        var text = tests.Count == 0
            ? $"interrupted before any test was created {where}"
            : string.Create(
                CultureInfo.InvariantCulture,
                $"interrupted; {tests.Count} test(s) already created {where}: {string.Join(", ", tests.Select(t => $"{t.TestId} ({t.TestType} {t.Target})"))}");
        if (result.InFlight is { Handler: Delivery.Intake } inFlight)
        {
            text += $"; the intake of {DescribeActivity(inFlight with { DeliveryCount = 1 }, payloadFiles)[(Delivery.Intake.Length + 2)..]} was in progress, so a test it was creating may exist there too";
        }

        return text;
    }

    /// <summary>
    /// The table fits when its unwrappable columns (id, type, target, runs, verdict) at their widest, the wrapping ones
    /// at a readable minimum, and the borders and padding (3 per column and 1) do.
    /// </summary>
    private static bool FitsAsTable(IReadOnlyList<RunTest> tests, int width)
    {
        const int WrappingMinimum = 12;
        var fixedWidths = Widest("Test", tests.Select(t => t.TestId)) + Widest("Type", tests.Select(t => t.TestType))
            + Widest("Target", tests.Select(t => t.Target)) + "Runs".Length + Widest("Verdict", tests.Select(t => t.Verdict ?? "not collected"));
        return fixedWidths + (2 * WrappingMinimum) + (7 * 3) + 1 <= width;

        static int Widest(string header, IEnumerable<string> values) => values.Select(v => v.Length).Append(header.Length).Max();
    }

    private static TimeSpan Round(TimeSpan value) => TimeSpan.FromSeconds(Math.Round(value.TotalSeconds));

    private static string Clock(TimeSpan value) =>
        value < TimeSpan.Zero ? "0:00" : string.Create(CultureInfo.InvariantCulture, $"{(int)value.TotalMinutes}:{value.Seconds:00}");

    // The location line leads (where the fault starts), then the first reason; "none" locations add nothing.
    private static string Why(RunTest test) =>
        test.Location is { Layer: not "none" } location
            ? test.Reasons.Count > 0 ? location.Summary + Environment.NewLine + test.Reasons[0] : location.Summary
            : test.Reasons.Count > 0 ? test.Reasons[0] : string.Empty;

    private static string VerdictMarkup(string? verdict) => verdict switch
    {
        "healthy" => "[green]healthy[/]",
        "degraded" => "[yellow]degraded[/]",
        "failing" => "[red]failing[/]",
        "inconclusive" => "[grey]inconclusive[/]",
        _ => "not collected",
    };
}
