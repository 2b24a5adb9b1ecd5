using System.CommandLine;
using System.Text.Json;
using AlertProbe.Cli.Output;
using AlertProbe.Cli.Payloads;
using Spectre.Console;

namespace AlertProbe.Cli.LocalRun;

/// <summary><c>alertprobe run</c>: the whole flow in-process with the Functions' own handlers.</summary>
internal static class RunCommand
{
    /// <summary>The verdicts <c>--fail-on</c> takes, mildest first: a level also fails on every worse verdict.</summary>
    internal static readonly string[] FailOnLevels = ["degraded", "failing"];

    public static Command Create(CliContext context)
    {
        var payloads = new Argument<string[]>("payload-file")
        {
            Description = "Alert payloads (JSON), each put on the in-process alerts queue as one message.",
            Arity = ArgumentArity.OneOrMore,
        };
        var rules = CommonOptions.Rules();
        var apiVersion = CommonOptions.ApiVersion();
        var source = CommonOptions.Source();
        var json = CommonOptions.Json("Print one JSON document (tests with verdicts, rejections, payloads, errors; see docs/cli.md) instead of text.");
        var timeout = CommonOptions.Duration("--timeout", TimeSpan.FromMinutes(10), $"Stop after this much real time, report what was done and exit {ExitCodes.TimedOut}.");
        var verbose = CommonOptions.Verbose();
        var failTargets = new Option<string[]>("--fail-target")
        {
            Description = "Embedded simulator only: make runs against targets containing TEXT fail (connection timeout), or show SITUATION: "
                + "http-NNN, dns, loss[-NN], target-down, agent-local[@IDS], dns-server-down[:SERVER], dns-wrong-answer[:IP], "
                + "path-loss[:HOP:IP:ASN][@IDS], probes-filtered, ipv6-only[@IDS], local-problem[@IDS] (docs/follow-up.md). Repeatable.",
            HelpName = "TEXT[=SITUATION]",
            Arity = ArgumentArity.OneOrMore,
        };
        var failOn = new Option<string?>("--fail-on")
        {
            Description = $"Exit {ExitCodes.VerdictReached} when a test's verdict is this bad or worse (degraded: degraded or failing; failing: failing), to fail a pipeline on a verdict.",
            HelpName = "degraded|failing",
        };
        failOn.AcceptOnlyFromAmong(FailOnLevels);
        var command = new Command(
            "run",
            "Run the whole flow in this process: intake → create → publish → collect → verdict (and reruns when the rule "
            + "asks), with the Functions' own handlers on an in-memory Service Bus. With no ThousandEyes__BaseUrl in the "
            + $"environment it starts the ThousandEyes simulator on 127.0.0.1. Exit {ExitCodes.Success}: every payload handled (failing "
            + $"verdicts included, unless --fail-on); {ExitCodes.Failure}: runtime failure; {ExitCodes.Usage}: usage error; {ExitCodes.Rejected}: a payload was rejected; "
            + $"{ExitCodes.VerdictReached}: a verdict reached --fail-on; {ExitCodes.TimedOut}: --timeout reached; {ExitCodes.Interrupted}: interrupted.")
        {
            payloads, rules, apiVersion, source, json, timeout, failTargets, failOn, verbose,
        };
        command.SetAction((parse, cancellationToken) => RunAsync(
            context,
            parse.GetRequiredValue(payloads),
            new RunSettings
            {
                Payloads = [],
                RulesPath = parse.GetValue(rules),
                Rules = RulesInEffect.Resolve(context, parse.GetValue(rules)),
                ApiVersion = parse.GetValue(apiVersion),
                Source = parse.GetValue(source),
                Timeout = parse.GetValue(timeout),
                FailTargets = parse.GetValue(failTargets) ?? [],
                Verbose = parse.GetValue(verbose),
            },
            parse.GetValue(json),
            parse.GetValue(failOn),
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(
        CliContext context, string[] paths, RunSettings settings, bool json, string? failOn, CancellationToken cancellationToken)
    {
        var files = new List<PayloadFile>();
        foreach (var path in paths)
        {
            var file = PayloadFile.Read(context, path, out var error);
            if (file is null)
            {
                return ErrorOutput.Usage(context, error!);
            }

            files.Add(file);
        }

        settings = settings with { Payloads = files };
        var payloadFiles = files
            .GroupBy(f => f.ToQueueMessage(settings.Source).MessageId)
            .ToDictionary(g => g.Key, g => g.First().DisplayName, StringComparer.Ordinal);
        var console = ConsoleFactory.ForOutput(context);
        var started = TimeProvider.System.GetTimestamp();
        RunResult result;
        using (var progress = ProgressDisplay.For(context))
        {
            var observer = new RunObserver
            {
                Announced = json ? null : line => progress.Interleave(() => console.MarkupLine($"[grey]{Markup.Escape(line)}[/]")),
                Settled = json ? null : (delivery, since) => progress.Interleave(() => console.WriteLine(RunRenderer.DescribeSettlement(delivery, since, payloadFiles))),
                Activity = activity => progress.Update(RunRenderer.DescribeActivity(activity, payloadFiles), activity.WaitingUntil),
            };
            result = await LocalRunner.RunAsync(context, settings, observer, cancellationToken).ConfigureAwait(false);
        }

        if (result.Document is null)
        {
            return ErrorOutput.Usage(context, "the configuration is not usable:", ErrorOutput.AsEnvironmentVariables(result.ConfigurationProblems));
        }

        if (json)
        {
            await context.Out.WriteLineAsync(CliJson.Serialize(result.Document)).ConfigureAwait(false);
        }
        else
        {
            RunRenderer.RenderReport(console, result, TimeProvider.System.GetElapsedTime(started));
        }

        foreach (var error in result.Document.Errors)
        {
            await context.Error.WriteLineAsync($"alertprobe: {error.Stage}: {error.Reason}: {error.Description}").ConfigureAwait(false);
        }

        if (result.End == RunEnd.Interrupted)
        {
            await context.Error.WriteLineAsync($"alertprobe: {RunRenderer.DescribeInterruption(result, payloadFiles)}").ConfigureAwait(false);
        }

        var exitCode = ExitCodeOf(result.Document, failOn);
        if (exitCode == ExitCodes.VerdictReached)
        {
            var reached = result.Document.Tests.Where(t => Reaches(t.Verdict, failOn!)).Select(t => $"{t.TestId} {t.Verdict}");
            await context.Error.WriteLineAsync($"alertprobe: --fail-on {failOn}: {string.Join(", ", reached)}").ConfigureAwait(false);
        }

        return exitCode;
    }

    /// <summary>
    /// 130 when interrupted, 124 when <c>--timeout</c> stopped the run, else 1 when anything failed at run time (it
    /// outranks rejections), else 3 when a payload was rejected, else 4 when a verdict reached
    /// <paramref name="failOn"/>, else 0.
    /// </summary>
    internal static int ExitCodeOf(RunDocument document, string? failOn = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        return document.Errors.Any(e => e.Reason == RunReportBuilder.InterruptedReason) ? ExitCodes.Interrupted
            : document.Errors.Any(e => e.Reason == RunReportBuilder.TimedOutReason) ? ExitCodes.TimedOut
            : document.Errors.Count > 0 ? ExitCodes.Failure
            : document.Rejections.Count > 0 ? ExitCodes.Rejected
            : failOn is not null && document.Tests.Any(t => Reaches(t.Verdict, failOn)) ? ExitCodes.VerdictReached
            : ExitCodes.Success;
    }

    /// <summary>Whether <paramref name="verdict"/> is at least as bad as <paramref name="level"/> (healthy &lt; degraded &lt; failing).</summary>
    private static bool Reaches(string? verdict, string level) =>
        Array.IndexOf(FailOnLevels, verdict) is var rank and >= 0 && rank >= Array.IndexOf(FailOnLevels, level);
}
