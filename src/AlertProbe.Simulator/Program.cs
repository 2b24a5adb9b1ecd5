using System.Globalization;
using AlertProbe.Simulator;
using Microsoft.Extensions.Logging;

// Standalone: dotnet run --project src/AlertProbe.Simulator -- --port 5080 [--result-delay-seconds 20]
var options = new SimulatorOptions { Port = 5080, ConfigureLogging = logging => logging.AddSimpleConsole() };
for (var i = 0; i + 1 < args.Length; i += 2)
{
    switch (args[i])
    {
        case "--port":
            options.Port = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
            break;
        case "--result-delay-seconds":
            options.ResultDelay = TimeSpan.FromSeconds(double.Parse(args[i + 1], CultureInfo.InvariantCulture));
            break;
        case "--organization-rate-limit":
            options.OrganizationRateLimitPerMinute = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
            break;
        case "--instant-test-rate-limit":
            options.InstantTestRateLimitPerMinute = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
            break;
        default:
            await Console.Error.WriteLineAsync($"Unknown option {args[i]}. Options: --port, --result-delay-seconds, --organization-rate-limit, --instant-test-rate-limit.");
            return 2;
    }
}

await using var simulator = await ThousandEyesSimulator.StartAsync(options);
Console.WriteLine($"ThousandEyes simulator listening on {simulator.BaseAddress} (v6 and v7). Ctrl+C stops it.");
await simulator.WaitForShutdownAsync();
return 0;
