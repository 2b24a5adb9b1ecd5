using System.Globalization;
using System.Text.Json;
using AlertProbe.Benchmarks.Storm.Faults;

namespace AlertProbe.Benchmarks.Storm;

/// <summary>
/// <c>storm --messages N --targets M --store memory|tables [--mixed] [--faults P [--seed S]] [--json]</c>: runs
/// <see cref="StormScenario"/> and prints its <see cref="StormReport"/> (one JSON object with <c>--json</c>, else
/// indented). <c>--fault ApiResets=0.2</c> (repeatable) sets one <see cref="FaultPlan"/> property instead of the
/// mix. <c>soak</c> is the same with 50,000 messages and the fault mix of <see cref="FaultPlan.Soak"/> at 5 %.
/// </summary>
public static class StormCommand
{
    public static async Task<int> RunAsync(string[] args, bool soak = false)
    {
        var settings = soak ? new StormSettings { Messages = 50_000, MeasureAppMemory = true } : new StormSettings();
        int? faultPercent = soak ? 5 : null;
        int? seed = null;
        FaultPlan? single = null;
        var json = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--messages":
                    settings = settings with { Messages = Number(args, ++i) };
                    break;
                case "--targets":
                    settings = settings with { Targets = Number(args, ++i) };
                    break;
                case "--store":
                    settings = settings with { Store = Value(args, ++i) switch
                    {
                        "memory" => StormStore.Memory,
                        "tables" => StormStore.Tables,
                        var other => throw new ArgumentException($"--store is memory or tables, not '{other}'"),
                    } };
                    break;
                case "--mixed":
                    settings = settings with { Mixed = true };
                    break;
                case "--critical-every":
                    settings = settings with { CriticalEvery = Number(args, ++i) };
                    break;
                case "--rate-limit":
                    settings = settings with { RateLimitPerMinute = Number(args, ++i) };
                    break;
                case "--faults":
                    faultPercent = int.TryParse(Value(args, ++i), NumberStyles.None, CultureInfo.InvariantCulture, out var percent) && percent <= 100
                        ? percent
                        : throw new ArgumentException("--faults needs a whole percentage from 0 to 100");
                    break;
                case "--fault":
                    single = FaultPlan.With(single ?? new FaultPlan(), Value(args, ++i));
                    break;
                case "--seed":
                    seed = Number(args, ++i);
                    break;
                case "--json":
                    json = true;
                    break;
                default:
                    await Console.Error.WriteLineAsync($"storm: unknown argument '{args[i]}' (--messages N --targets M --store memory|tables [--mixed] [--critical-every K] [--rate-limit L] [--faults P | --fault Name=value ...] [--seed S] [--json])");
                    return 2;
            }
        }

        if (single is not null)
        {
            settings = settings with { Faults = seed is { } chosen ? single with { Seed = chosen } : single };
        }
        else if (faultPercent is { } p)
        {
            settings = settings with { Faults = seed is { } chosen ? FaultPlan.Soak(p, chosen) : FaultPlan.Soak(p) };
        }

        var report = await StormScenario.RunAsync(settings);
        var text = JsonSerializer.Serialize(report, json ? StormJsonContext.Default.StormReport : new StormJsonContext(new JsonSerializerOptions(StormJsonContext.Default.Options) { WriteIndented = true }).StormReport);
        Console.WriteLine(text);
        return 0;
    }

    private static string Value(string[] args, int i) =>
        i < args.Length ? args[i] : throw new ArgumentException($"{args[i - 1]} needs a value");

    private static int Number(string[] args, int i) =>
        int.TryParse(Value(args, i), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : throw new ArgumentException($"{args[i - 1]} needs a positive whole number");
}
