using System.Globalization;
using AlertProbe.Core.Planning;
using Spectre.Console;

namespace AlertProbe.Cli.Mapping;

/// <summary>The human form of <c>map</c>: alerts, each planned request with its policy decisions, refusals, notes and the settlement.</summary>
internal static class MapRenderer
{
    public static void Render(IAnsiConsole console, PayloadMapping mapping, string payloadName)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(mapping);
        var document = mapping.Document;
        console.MarkupLine($"[bold]Payload[/]  {Markup.Escape(payloadName)}");
        console.MarkupLine($"[bold]Rules[/]    {Markup.Escape(document.Rules.Describe())}");
        console.MarkupLine($"[bold]Format[/]   {Markup.Escape(document.Format ?? "not detected")}");
        console.WriteLine();

        RenderAlerts(console, document);
        RenderPlans(console, mapping);
        RenderRejections(console, document);
        var notes = DistinctNotes(mapping.Plan.Notes);
        if (notes.Count > 0)
        {
            console.MarkupLine("[bold]Notes[/]");
            foreach (var note in notes)
            {
                console.MarkupLine($"  - {Markup.Escape(note)}");
            }

            console.WriteLine();
        }

        console.MarkupLine(Settlement(mapping));
    }

    /// <summary>Each note once: one that another note repeats with more detail ("no rule matched" beside "no rule matched grafana alert …") is left out.</summary>
    internal static IReadOnlyList<string> DistinctNotes(IReadOnlyList<string> notes) =>
        [.. notes.Distinct(StringComparer.Ordinal).Where(note => !notes.Any(other => other.Length > note.Length && other.StartsWith(note + " ", StringComparison.Ordinal)))];

    private static void RenderAlerts(IAnsiConsole console, MapDocument document)
    {
        console.MarkupLine($"[bold]Alerts ({document.Alerts.Count})[/]");
        foreach (var alert in document.Alerts)
        {
            console.MarkupLine(
                $"  - [[{Markup.Escape(alert.Status)}]] {Markup.Escape(alert.Severity)} [bold]{Markup.Escape(alert.Name)}[/] (source {Markup.Escape(alert.Source)}, id {Markup.Escape(alert.Id)})");
            foreach (var target in alert.Targets)
            {
                console.MarkupLine($"      target {Markup.Escape(target.Kind)} {Markup.Escape(target.Value)} (from {Markup.Escape(target.Origin)})");
            }
        }

        console.WriteLine();
    }

    private static void RenderPlans(IAnsiConsole console, PayloadMapping mapping)
    {
        console.MarkupLine($"[bold]Planned tests ({mapping.Requests.Count})[/], in the order the intake creates them");
        var index = 0;
        foreach (var (test, request) in mapping.Requests)
        {
            var plan = test.Plan;
            index++;
            console.MarkupLine(
                $"  {index}. [bold]{Markup.Escape(request.TestType)}[/] {Markup.Escape(plan.Target)}  (rule {Markup.Escape(request.Rule)}, alert {Markup.Escape(request.AlertId)})");
            console.MarkupLine($"     [green]{Markup.Escape(request.Method)} {Markup.Escape(request.Path)}[/]  (API {Markup.Escape(request.ApiVersion)})");
            foreach (var line in request.Body.ToJsonString(Output.CliJson.Indented).Split('\n'))
            {
                console.WriteLine("     " + line.TrimEnd('\r'));
            }

            console.MarkupLine($"     agents:          {Markup.Escape(AgentsText(plan.Agents))}");
            console.MarkupLine("     target policy:   allowed");
            console.MarkupLine($"     coalescing key:  {Markup.Escape(request.CoalescingKey)} (one test per key every {Markup.Escape(Duration(plan.Cooldown))})");
            console.MarkupLine($"     follow-up:       {Markup.Escape(FollowUpText(plan.FollowUp))}");
            console.MarkupLine($"     priority:        {plan.Priority.ToString(CultureInfo.InvariantCulture)}, severity {Markup.Escape(Core.Rules.RuleNames.Of(plan.Severity))}");
        }

        console.WriteLine();
    }

    private static void RenderRejections(IAnsiConsole console, MapDocument document)
    {
        console.MarkupLine($"[bold]Rejections ({document.Rejections.Count})[/]");
        foreach (var rejection in document.Rejections)
        {
            console.MarkupLine($"  - [red]{Markup.Escape(rejection.Reason)}[/]: {Markup.Escape(rejection.Description)}");
        }

        console.WriteLine();
    }

    private static string Settlement(PayloadMapping mapping)
    {
        var rejections = mapping.Document.Rejections;
        if (mapping.Plan.IsRejected)
        {
            return $"[red]The intake would dead-letter this message[/] with reason {Markup.Escape(rejections[0].Reason)}.";
        }

        if (rejections.Count > 0)
        {
            return mapping.Requests.Count > 0
                ? $"[yellow]The intake would create {mapping.Requests.Count} test(s), then dead-letter the message[/] with reason {Markup.Escape(rejections[0].Reason)}."
                : $"[red]The intake would dead-letter this message[/] with reason {Markup.Escape(rejections[0].Reason)}.";
        }

        return mapping.Requests.Count > 0
            ? $"[green]The intake would create {mapping.Requests.Count} test(s) and complete the message.[/]"
            : "The intake would complete the message without a test.";
    }

    private static string AgentsText(AgentSelector selector) =>
        selector.Ids.Count > 0
            ? $"ids {string.Join(", ", selector.Ids)} (sent as given)"
            : $"{CoalescingKey.Describe(selector)} (chosen from the account's agent list when the test is created)";

    private static string FollowUpText(FollowUpPolicy policy)
    {
        var parts = new List<string> { policy.Collect ? "collect results and report a verdict" : "no result collection" };
        if (policy.Rerun is { } rerun)
        {
            parts.Add(string.Create(
                CultureInfo.InvariantCulture,
                $"rerun {rerun.Count} time(s) every {Duration(rerun.Interval)}{(rerun.StopWhenResolved ? ", stop when the alert resolves" : string.Empty)}"));
        }

        return string.Join("; ", parts);
    }

    internal static string Duration(TimeSpan duration) =>
        duration.TotalHours >= 1 && duration.Minutes == 0 && duration.Seconds == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{(int)duration.TotalHours}h")
            : duration.TotalMinutes >= 1 && duration.Seconds == 0
                ? string.Create(CultureInfo.InvariantCulture, $"{(int)duration.TotalMinutes}m")
                : string.Create(CultureInfo.InvariantCulture, $"{(int)duration.TotalSeconds}s");
}
