using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using AlertProbe.Core.Planning;
using AlertProbe.Core.Rules;

namespace AlertProbe.Benchmarks.Rules;

/// <summary>
/// <c>rules [--count N] [--json]</c>: loading and matching a rules file of N generated rules (default 1,000) of each
/// shape in <see cref="GeneratedRules"/>, each against the same shape with 10 rules in the same run. Prints the times,
/// the ratios, and the bytes allocated and retained by a load.
/// </summary>
public static class RulesBenchmarkCommand
{
    private const int BaselineCount = 10;

    public static int Run(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var count = 1000;
        var json = false;
        var shapes = GeneratedRules.Shapes;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--count" when i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var n) && n > BaselineCount:
                    count = n;
                    i++;
                    break;
                case "--shape" when i + 1 < args.Length && GeneratedRules.Shapes.Contains(args[i + 1]):
                    shapes = [args[++i]];
                    break;
                case "--json":
                    json = true;
                    break;
                default:
                    Console.Error.WriteLine($"usage: rules [--count N (> {BaselineCount})] [--shape {string.Join("|", GeneratedRules.Shapes)}] [--json]; unknown '{args[i]}'");
                    return 2;
            }
        }

        // The first load in the process pays for JIT and building the schema: measured once, before anything else.
        var firstYaml = GeneratedRules.Yaml(GeneratedRules.Regex, count);
        var firstCpu = Process.GetCurrentProcess().TotalProcessorTime;
        var firstWatch = Stopwatch.StartNew();
        Load(firstYaml);
        var firstLoad = firstWatch.Elapsed;
        var firstLoadCpu = Process.GetCurrentProcess().TotalProcessorTime - firstCpu;

        var results = shapes.Select(shape => MeasureShape(shape, count)).ToList();
        if (json)
        {
            Console.WriteLine(JsonSerializer.Serialize(new { count, baselineCount = BaselineCount, firstLoadMs = firstLoad.TotalMilliseconds, firstLoadCpuMs = firstLoadCpu.TotalMilliseconds, shapes = results }));
            return 0;
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"rules benchmark: {count} rules vs {BaselineCount} of the same shape, in one process ({Environment.ProcessorCount} cores, .NET {Environment.Version})"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"first load in the process ({count} {GeneratedRules.Regex} rules, JIT and schema included): {firstLoad.TotalMilliseconds:F0} ms wall, {firstLoadCpu.TotalMilliseconds:F0} ms CPU"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"load average at the start: {LoadAverage()} (wall times stretch with it; CPU time is the process's, all threads)"));
        Console.WriteLine("| shape | load 10 | load N | ratio | load N CPU | allocated by load N | retained by rule set N | match 10 | match N | ratio |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in results)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {r.Shape} | {r.LoadBaselineMs:F2} ms | {r.LoadMs:F1} ms | {r.LoadRatio:F1}x | {r.LoadCpuMs:F1} ms | {r.LoadAllocatedMiB:F1} MiB | {r.RetainedMiB:F1} MiB | {r.MatchBaselineUs:F1} us | {r.MatchUs:F1} us | {r.MatchRatio:F1}x |"));
        }

        return 0;
    }

    private static ShapeResult MeasureShape(string shape, int count)
    {
        var small = GeneratedRules.Yaml(shape, BaselineCount);
        var large = GeneratedRules.Yaml(shape, count);
        var loadSmall = Measurement.MedianPerCall(() => Load(small), rounds: 7, callsPerRound: 5);
        var loadLarge = Measurement.MedianPerCall(() => Load(large), rounds: 5, callsPerRound: 1, warmUpCalls: 1);
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var allocated = Measurement.AllocatedBy(() => Load(large));
        var loadCpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        var retained = Measurement.RetainedBy(() => Load(large));

        var matchSmall = MeasureMatch(shape, small, BaselineCount);
        var matchLarge = MeasureMatch(shape, large, count);
        return new ShapeResult(
            shape,
            loadSmall.TotalMilliseconds,
            loadLarge.TotalMilliseconds,
            loadLarge / loadSmall,
            loadCpu.TotalMilliseconds,
            allocated / 1048576.0,
            retained / 1048576.0,
            matchSmall.TotalMicroseconds,
            matchLarge.TotalMicroseconds,
            matchLarge / matchSmall);
    }

    private static TimeSpan MeasureMatch(string shape, string yaml, int count)
    {
        var planner = new RulePlanner(Load(yaml));
        var alert = GeneratedRules.AlertForLastRule(shape, count);
        var planned = planner.Plan(alert);
        if (planned.MatchedRules is not [var matched] || matched != $"rule-{count - 1}" || planned.Plans.Count != 1)
        {
            throw new InvalidOperationException($"{shape}: the alert should match only rule-{count - 1} and plan one test; matched [{string.Join(", ", planned.MatchedRules)}].");
        }

        return Measurement.MedianPerCall(() => planner.Plan(alert), rounds: 9, callsPerRound: 200, warmUpCalls: 50);
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static RuleSet Load(string yaml)
    {
        var result = RuleSetLoader.Load(yaml, "generated.yaml");
        return result.IsSuccess ? result.RuleSet : throw new InvalidOperationException($"the generated rules do not load: {result}");
    }

    private sealed record ShapeResult(
        string Shape,
        double LoadBaselineMs,
        double LoadMs,
        double LoadRatio,
        double LoadCpuMs,
        double LoadAllocatedMiB,
        double RetainedMiB,
        double MatchBaselineUs,
        double MatchUs,
        double MatchRatio);
}
