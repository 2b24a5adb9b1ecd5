using AlertProbe.Simulator;
using AlertProbe.Simulator.Hosting;
using Microsoft.Extensions.Logging;

// Standalone: dotnet run --project src/AlertProbe.Simulator -- [--port 5080] [--result-delay 20s] (--help for all)
var options = SimulatorCommandLine.Parse(args, out var help, out var error);
if (help)
{
    Console.WriteLine(SimulatorCommandLine.Usage);
    return 0;
}

if (options is null)
{
    await Console.Error.WriteLineAsync($"AlertProbe.Simulator: {error}");
    await Console.Error.WriteLineAsync("Run with --help for usage.");
    return 2;
}

options.ConfigureLogging = logging => logging.AddSimpleConsole();
await using var simulator = await ThousandEyesSimulator.StartAsync(options);
Console.WriteLine($"ThousandEyes simulator listening on {simulator.BaseAddress} (v6 and v7). Ctrl+C stops it.");
await simulator.WaitForShutdownAsync();
return 0;
