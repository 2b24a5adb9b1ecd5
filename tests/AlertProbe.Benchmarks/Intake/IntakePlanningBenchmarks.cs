using System.Text.Json;
using AlertProbe.Core.Alerts;
using AlertProbe.Core.Intake;
using BenchmarkDotNet.Attributes;

namespace AlertProbe.Benchmarks.Intake;

/// <summary>
/// Each sample payload through the intake's pure half, against just reading its JSON (the cost no parser can
/// avoid). The ratios say what detection and normalisation (Parse) and then rule matching, templating and
/// the target policy (Plan) cost on top.
/// </summary>
[MemoryDiagnoser]
public class IntakePlanningBenchmarks
{
    private static readonly JsonDocumentOptions ReadOptions = new() { MaxDepth = AlertPayloadParser.MaxNestingDepth };

    private byte[] payload = [];
    private AlertPayloadParser parser = null!;
    private IntakePlanner planner = null!;

    [ParamsSource(nameof(Payloads))]
    public string Payload { get; set; } = string.Empty;

    public static IEnumerable<string> Payloads() => SampleIntake.PayloadFiles();

    [GlobalSetup]
    public void Setup()
    {
        payload = SampleIntake.ReadPayload(Payload);
        parser = new AlertPayloadParser();
        planner = SampleIntake.CreatePlanner();
        Console.WriteLine("// " + SampleIntake.EnsureUnderstood(planner, payload, Payload));
    }

    [Benchmark(Baseline = true)]
    public JsonValueKind ReadJson()
    {
        using var document = JsonDocument.Parse(payload, ReadOptions);
        return document.RootElement.ValueKind;
    }

    [Benchmark]
    public AlertParseResult Parse() => parser.Parse(payload, SampleIntake.Hints);

    [Benchmark]
    public IntakePlan Plan() => planner.Plan(payload, SampleIntake.Hints);
}
