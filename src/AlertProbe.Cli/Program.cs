using AlertProbe.Cli;

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // The first Ctrl+C asks the command to stop cleanly (the simulator shuts down, a run reports what it has).
    e.Cancel = true;
    cancellation.Cancel();
};

return await AlertProbeCommand.InvokeAsync(args, CliContext.FromProcess(), cancellation.Token);
