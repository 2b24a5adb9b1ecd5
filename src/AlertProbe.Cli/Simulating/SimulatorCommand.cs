using System.CommandLine;
using AlertProbe.Cli.Hosting;
using AlertProbe.Simulator;
using Microsoft.Extensions.Logging;

namespace AlertProbe.Cli.Simulating;

/// <summary><c>alertprobe simulator</c>: the ThousandEyes simulator alone on loopback until Ctrl+C, for <c>func start</c> development.</summary>
internal static class SimulatorCommand
{
    public static Command Create(CliContext context)
    {
        var port = new Option<int>("--port")
        {
            Description = "Loopback port to listen on (0 picks a free one).",
            HelpName = "N",
            // The port local.settings.sample.json points ThousandEyes__BaseUrl at.
            DefaultValueFactory = _ => 5080,
        };
        port.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<int>();
            if (value is < 0 or > 65535)
            {
                result.AddError("--port must be between 0 and 65535.");
            }
        });
        var resultDelay = CommonOptions.Duration("--result-delay", TimeSpan.FromSeconds(20), "How long after a run its results appear.");
        var verbose = CommonOptions.Verbose();
        var command = new Command(
            "simulator",
            "Start the ThousandEyes API simulator (v6 and v7) on 127.0.0.1 until Ctrl+C, and print the settings that point "
            + "the Functions app or 'alertprobe run' at it.")
        {
            port, resultDelay, verbose,
        };
        command.SetAction((parse, cancellationToken) => RunAsync(context, parse.GetValue(port), parse.GetValue(resultDelay), parse.GetValue(verbose), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CliContext context, int port, TimeSpan resultDelay, bool verbose, CancellationToken cancellationToken)
    {
        var options = new SimulatorOptions { Port = port, ResultDelay = resultDelay };
        if (verbose)
        {
            // The simulator's own request log, on standard error like every command's logs.
            options.ConfigureLogging = logging => logging.SetMinimumLevel(LogLevel.Information).AddProvider(new TextWriterLoggerProvider(context.Error, LogDisplay.For(verbose: true)));
        }

        ThousandEyesSimulator simulator;
        try
        {
            simulator = await ThousandEyesSimulator.StartAsync(options, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (IOException exception)
        {
            // Kestrel reports a port in use this way.
            await context.Error.WriteLineAsync($"alertprobe: cannot listen on 127.0.0.1:{port}: {exception.Message}").ConfigureAwait(false);
            return ExitCodes.Failure;
        }

        await using (simulator.ConfigureAwait(false))
        {
            var output = context.Out;
            await output.WriteLineAsync($"ThousandEyes simulator listening on {simulator.BaseAddress} (API v6 and v7). Ctrl+C stops it.").ConfigureAwait(false);
            await output.WriteLineAsync($"  bearer token:   {options.BearerToken}").ConfigureAwait(false);
            await output.WriteLineAsync($"  v6 basic auth:  {options.BasicAuthEmail} / {options.BasicAuthToken}").ConfigureAwait(false);
            await output.WriteLineAsync($"  result delay:   {Mapping.MapRenderer.Duration(resultDelay)}").ConfigureAwait(false);
            await output.WriteLineAsync("Point AlertProbe at it with:").ConfigureAwait(false);
            await output.WriteLineAsync($"  ThousandEyes__BaseUrl={simulator.BaseAddress}").ConfigureAwait(false);
            await output.WriteLineAsync($"  ThousandEyes__BearerToken={options.BearerToken}").ConfigureAwait(false);
            await output.FlushAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                // Ends on Ctrl+C or SIGTERM (the simulator's host listens for both) or when the command is cancelled.
                await simulator.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // The command was cancelled: stop like on Ctrl+C.
            }

            await output.WriteLineAsync("Stopping the simulator.").ConfigureAwait(false);
        }

        return ExitCodes.Success;
    }
}
