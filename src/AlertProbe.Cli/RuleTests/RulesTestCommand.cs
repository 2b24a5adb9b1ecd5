using System.CommandLine;
using AlertProbe.Cli.Mapping;
using AlertProbe.Cli.Output;
using Spectre.Console;

namespace AlertProbe.Cli.RuleTests;

/// <summary><c>alertprobe rules test</c>: fixtures of payload → expected plans and rejections, like <c>promtool test rules</c>.</summary>
internal static class RulesTestCommand
{
    public static Command Create(CliContext context)
    {
        var file = new Argument<string>("tests-file") { Description = "The rules test file (YAML; format in docs/cli.md)." };
        var rules = CommonOptions.Rules();
        rules.Description = "Rules YAML file (default: the file's own 'rules:', else Rules__Path, else the built-in default rules).";
        var verbose = CommonOptions.Verbose();
        var test = new Command(
            "test",
            "Run each fixture's payload through the rules (no network) and compare every plan and rejection with the "
            + $"expectation. Exit {ExitCodes.Success}: all pass; {ExitCodes.Failure}: a fixture failed (a diff is printed); {ExitCodes.Usage}: usage error.")
        {
            file, rules, verbose,
        };
        test.SetAction(parse => Run(context, parse.GetRequiredValue(file), parse.GetValue(rules), parse.GetValue(verbose)));
        return new Command("rules", "Work with rules files.") { test };
    }

    internal static int Run(CliContext context, string testsPath, string? rulesPath, bool verbose = false)
    {
        var full = context.ResolvePath(testsPath);
        if (!File.Exists(full))
        {
            return ErrorOutput.Usage(context, $"rules test file not found: {testsPath}");
        }

        var suite = RuleTestSuiteLoader.Load(full, testsPath, out var errors);
        if (suite is null)
        {
            return ErrorOutput.Usage(context, $"{testsPath} is not a valid rules test file:", errors);
        }

        // --rules wins over the file's own rules; given on the command line, it is relative to the working directory.
        var rules = rulesPath is not null ? context.ResolvePath(rulesPath) : suite.RulesPath;
        var inEffect = RulesInEffect.Resolve(context, rulesPath, suite.RulesPath is null ? null : Path.GetRelativePath(context.WorkingDirectory, suite.RulesPath));
        using var planner = DryRunPlanner.Create(context, rules, suite.ApiVersion, inEffect, verbose, out var problems);
        if (planner is null)
        {
            return ErrorOutput.Usage(context, "the configuration is not usable:", ErrorOutput.AsEnvironmentVariables(problems));
        }

        var outcomes = RuleTestRunner.Run(suite, planner, context);
        Render(ConsoleFactory.ForOutput(context), outcomes, inEffect);
        return outcomes.All(o => o.Passed) ? ExitCodes.Success : ExitCodes.Failure;
    }

    private static void Render(IAnsiConsole console, IReadOnlyList<RuleTestOutcome> outcomes, RulesInEffect rules)
    {
        console.MarkupLine($"Rules: {Markup.Escape(rules.Describe())}");
        foreach (var outcome in outcomes)
        {
            if (outcome.Passed)
            {
                console.MarkupLine($"[green]PASS[/]  {Markup.Escape(outcome.Case.Name)}");
                continue;
            }

            console.MarkupLine($"[red]FAIL[/]  {Markup.Escape(outcome.Case.Name)} (line {outcome.Case.Line})");
            foreach (var difference in outcome.Differences)
            {
                var colour = difference.StartsWith('+') ? "yellow" : "red";
                console.MarkupLine($"      [{colour}]{Markup.Escape(difference)}[/]");
            }
        }

        var failed = outcomes.Count(o => !o.Passed);
        console.MarkupLine(failed == 0
            ? $"[green]{outcomes.Count} passed[/]"
            : $"[red]{failed} failed[/], {outcomes.Count - failed} passed");
    }
}
