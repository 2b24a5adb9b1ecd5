using System.CommandLine;
using AlertProbe.Cli.Output;
using AlertProbe.Cli.Payloads;

namespace AlertProbe.Cli.Mapping;

/// <summary><c>alertprobe map</c>: what a payload would do, with no network call.</summary>
internal static class MapCommand
{
    public static Command Create(CliContext context)
    {
        var payload = new Argument<string>("payload-file") { Description = "The alert payload (JSON) as it would arrive on the alerts queue." };
        var rules = CommonOptions.Rules();
        var apiVersion = CommonOptions.ApiVersion();
        var source = CommonOptions.Source();
        var json = CommonOptions.Json("Print one JSON document (version, rules, format, alerts, plans, rejections; see docs/cli.md) instead of text.");
        var verbose = CommonOptions.Verbose();
        var command = new Command(
            "map",
            "Dry run: detect the format, normalise, match rules, plan, apply the target policy and print the exact "
            + $"requests the intake would send, without calling anything. Exit {ExitCodes.Success}: understood; {ExitCodes.Rejected}: the intake would "
            + $"dead-letter the message; {ExitCodes.Usage}: usage error.")
        {
            payload, rules, apiVersion, source, json, verbose,
        };
        command.SetAction(parse => Run(
            context,
            parse.GetRequiredValue(payload),
            parse.GetValue(rules),
            parse.GetValue(apiVersion),
            parse.GetValue(source),
            parse.GetValue(json),
            parse.GetValue(verbose)));
        return command;
    }

    private static int Run(CliContext context, string payloadPath, string? rulesPath, string? apiVersion, string? source, bool json, bool verbose)
    {
        var file = PayloadFile.Read(context, payloadPath, out var readError);
        if (file is null)
        {
            return ErrorOutput.Usage(context, readError!);
        }

        using var planner = DryRunPlanner.Create(context, rulesPath, apiVersion, RulesInEffect.Resolve(context, rulesPath), verbose, out var problems);
        if (planner is null)
        {
            return ErrorOutput.Usage(context, "the configuration is not usable:", ErrorOutput.AsEnvironmentVariables(problems));
        }

        var mapping = planner.Map(file, source);
        if (json)
        {
            context.Out.WriteLine(CliJson.Serialize(mapping.Document));
        }
        else
        {
            MapRenderer.Render(ConsoleFactory.ForOutput(context), mapping, file.DisplayName);
        }

        return mapping.WouldDeadLetter ? ExitCodes.Rejected : ExitCodes.Success;
    }
}
