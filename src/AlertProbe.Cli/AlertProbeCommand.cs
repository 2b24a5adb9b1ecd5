using System.CommandLine;
using AlertProbe.Cli.LocalRun;
using AlertProbe.Cli.Mapping;
using AlertProbe.Cli.RuleTests;
using AlertProbe.Cli.Sending;
using AlertProbe.Cli.Simulating;

namespace AlertProbe.Cli;

/// <summary>
/// The <c>alertprobe</c> command tree. <see cref="InvokeAsync"/> is the whole program: the process entry point passes
/// the real console and environment, tests pass their own writers and variables.
/// </summary>
internal static class AlertProbeCommand
{
    public static RootCommand Create(CliContext context)
    {
        var root = new RootCommand(
            "alertprobe: turn monitoring alerts into ThousandEyes instant tests, locally. Dry-run a payload (map), test "
            + "rules (rules test), run the whole flow in-process (run), drop a message on a real queue (send), or start "
            + "the ThousandEyes simulator (simulator).")
        {
            MapCommand.Create(context),
            RunCommand.Create(context),
            RulesTestCommand.Create(context),
            SendCommand.Create(context),
            SimulatorCommand.Create(context),
            Doctor.DoctorCommand.Create(context),
        };
        return root;
    }

    public static async Task<int> InvokeAsync(string[] args, CliContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        // Every byte the CLI prints passes the redactor (a base URL's userinfo, an upstream body echoing a token).
        context = context with
        {
            Out = new AlertProbe.Core.Redaction.RedactingTextWriter(context.Out),
            Error = new AlertProbe.Core.Redaction.RedactingTextWriter(context.Error),
        };
        try
        {
            return await InvokeRedactedAsync(args, context, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            // The redacting writers hold an unfinished line until it ends (a secret may be split across writes).
            await context.Out.FlushAsync(CancellationToken.None).ConfigureAwait(false);
            await context.Error.FlushAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }

    private static async Task<int> InvokeRedactedAsync(string[] args, CliContext context, CancellationToken cancellationToken)
    {
        var parse = Create(context).Parse(args);
        var usage = UsageErrors.Describe(parse);
        if (usage.Count > 0)
        {
            foreach (var error in usage)
            {
                await context.Error.WriteLineAsync($"alertprobe: {error}").ConfigureAwait(false);
            }

            await context.Error.WriteLineAsync($"Run '{UsageErrors.CommandPath(parse.CommandResult)} --help' for usage.").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        try
        {
            return await parse.InvokeAsync(
                new InvocationConfiguration { Output = context.Out, Error = context.Error, EnableDefaultExceptionHandler = false },
                cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await context.Error.WriteLineAsync("alertprobe: interrupted.").ConfigureAwait(false);
            return ExitCodes.Interrupted;
        }
#pragma warning disable CA1031 // The last line of defence: an unexpected failure is reported in one line, not as a stack trace.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            await context.Error.WriteLineAsync($"alertprobe: unexpected failure: {exception.GetType().Name}: {exception.Message}").ConfigureAwait(false);
            return ExitCodes.Failure;
        }
    }
}
