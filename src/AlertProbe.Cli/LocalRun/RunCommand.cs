using System.CommandLine;
using System.Text.Json;
using AlertProbe.Cli.Output;
using AlertProbe.Cli.Payloads;
using Microsoft.Extensions.Logging;
using Spectre.Console;

namespace AlertProbe.Cli.LocalRun;

/// <summary><c>alertprobe run</c>: the whole flow in-process with the Functions' own handlers.</summary>
internal static class RunCommand
{
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
        var timeout = CommonOptions.Duration("--timeout", TimeSpan.FromMinutes(10), "Stop after this much real time and report what was done.");
        var verbose = CommonOptions.Verbose();
        var failTargets = new Option<string[]>("--fail-target")
        {
            Description = "Embedded simulator only: make runs against targets containing this text fail (connection timeout), to see a failing verdict. Repeatable.",
            HelpName = "TEXT",
            Arity = ArgumentArity.OneOrMore,
        };
        var command = new Command(
            "run",
            "Run the whole flow in this process: intake → create → publish → collect → verdict (and reruns when the rule "
            + "asks), with the Functions' own handlers on an in-memory Service Bus. With no ThousandEyes__BaseUrl in the "
            + "environment it starts the ThousandEyes simulator on 127.0.0.1. Exit 0: every payload handled (failing "
            + "verdicts included); 3: a payload was rejected; 1: runtime failure or timeout; 2: usage error.")
        {
            payloads, rules, apiVersion, source, json, timeout, failTargets, verbose,
        };
        command.SetAction((parse, cancellationToken) => RunAsync(
            context,
            parse.GetRequiredValue(payloads),
            new RunSettings
            {
                Payloads = [],
                RulesPath = parse.GetValue(rules),
                ApiVersion = parse.GetValue(apiVersion),
                Source = parse.GetValue(source),
                Timeout = parse.GetValue(timeout),
                FailTargets = parse.GetValue(failTargets) ?? [],
                LogLevel = parse.GetValue(verbose) ? LogLevel.Information : LogLevel.Warning,
            },
            parse.GetValue(json),
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CliContext context, string[] paths, RunSettings settings, bool json, CancellationToken cancellationToken)
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
        if (json)
        {
            result = await LocalRunner.RunAsync(context, settings, new RunObserver(), cancellationToken).ConfigureAwait(false);
        }
        else if (context.OutputIsTerminal)
        {
            result = await console.Status().Spinner(Spinner.Known.Dots).StartAsync("Starting", async status =>
            {
                var observer = new RunObserver
                {
                    Announced = line => console.MarkupLine($"[grey]{Markup.Escape(line)}[/]"),
                    Settled = (delivery, since) =>
                    {
                        console.WriteLine(RunRenderer.DescribeSettlement(delivery, since, payloadFiles));
                        status.Status($"Running: {delivery.Handler} settled, waiting for the next message");
                    },
                };
                return await LocalRunner.RunAsync(context, settings, observer, cancellationToken).ConfigureAwait(false);
            }).ConfigureAwait(false);
        }
        else
        {
            var observer = new RunObserver
            {
                Announced = console.WriteLine,
                Settled = (delivery, since) => console.WriteLine(RunRenderer.DescribeSettlement(delivery, since, payloadFiles)),
            };
            result = await LocalRunner.RunAsync(context, settings, observer, cancellationToken).ConfigureAwait(false);
        }

        if (result.Document is null)
        {
            return ErrorOutput.Usage(context, "the configuration is not usable:", result.ConfigurationProblems);
        }

        if (json)
        {
            await context.Out.WriteLineAsync(JsonSerializer.Serialize(result.Document, CliJsonContext.Default.RunDocument)).ConfigureAwait(false);
        }
        else
        {
            RunRenderer.RenderReport(console, result, TimeProvider.System.GetElapsedTime(started));
        }

        foreach (var error in result.Document.Errors)
        {
            await context.Error.WriteLineAsync($"alertprobe: {error.Stage}: {error.Reason}: {error.Description}").ConfigureAwait(false);
        }

        return ExitCodeOf(result.Document);
    }

    /// <summary>
    /// 124 when <c>--timeout</c> stopped the run, else 1 when anything failed at run time (it outranks rejections),
    /// else 3 when a payload was rejected, else 0.
    /// </summary>
    internal static int ExitCodeOf(RunDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return document.Errors.Any(e => e.Reason == RunReportBuilder.TimedOutReason) ? ExitCodes.TimedOut
            : document.Errors.Count > 0 ? ExitCodes.Failure
            : document.Rejections.Count > 0 ? ExitCodes.Rejected
            : ExitCodes.Success;
    }
}
