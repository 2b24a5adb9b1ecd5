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
        var subject = delivery.Handler == Delivery.Intake
            ? payloadFiles.GetValueOrDefault(delivery.OriginalMessageId, delivery.OriginalMessageId)
            : MessageEnvelope.ReadInstantTestCreated(delivery.Message.Message.Body) is { IsSuccess: true } read
                ? string.Create(CultureInfo.InvariantCulture, $"test {read.Message.TestId} run {read.Message.Run}")
                : delivery.Message.Message.MessageId;
        var outcome = delivery.Outcome switch
        {
            IntakeOutcome.Completed completed => completed.Reason,
            IntakeOutcome.Rescheduled rescheduled => $"not yet, again at +{Clock(sinceStart + (rescheduled.At - delivery.At))}: {rescheduled.Reason}",
            IntakeOutcome.DeadLettered dead => $"dead-lettered {dead.Reason}: {dead.Description}",
            IntakeOutcome.Abandoned abandoned => $"abandoned (delivery {delivery.DeliveryCount}), delivered again: {abandoned.Error}",
            _ => delivery.Outcome.ToString(),
        };
        return $"+{Clock(sinceStart)}  {delivery.Handler,-7}  {subject}: {outcome}";
    }

    public static void RenderReport(IAnsiConsole console, RunResult result, TimeSpan realTime)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(result);
        var document = result.Document!;
        console.WriteLine();
        if (document.Tests.Count > 0)
        {
            var table = new Table().Border(TableBorder.Rounded).Title("Instant tests");
            table.AddColumns("Test", "Type", "Target", "Agents", "Runs", "Verdict", "Why");
            foreach (var test in document.Tests)
            {
                table.AddRow(
                    new Text(test.TestId),
                    new Text(test.TestType),
                    new Text(test.Target),
                    new Text(string.Join(Environment.NewLine, test.Agents.Select(a => a.AgentName ?? a.AgentId))),
                    new Text(test.Runs.Count.ToString(CultureInfo.InvariantCulture)),
                    new Markup(VerdictMarkup(test.Verdict)),
                    new Text(test.Reasons.Count > 0 ? test.Reasons[0] : string.Empty));
            }

            console.Write(table);
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

    private static TimeSpan Round(TimeSpan value) => TimeSpan.FromSeconds(Math.Round(value.TotalSeconds));

    private static string Clock(TimeSpan value) =>
        value < TimeSpan.Zero ? "0:00" : string.Create(CultureInfo.InvariantCulture, $"{(int)value.TotalMinutes}:{value.Seconds:00}");

    private static string VerdictMarkup(string? verdict) => verdict switch
    {
        "healthy" => "[green]healthy[/]",
        "degraded" => "[yellow]degraded[/]",
        "failing" => "[red]failing[/]",
        "inconclusive" => "[grey]inconclusive[/]",
        _ => "not collected",
    };
}
