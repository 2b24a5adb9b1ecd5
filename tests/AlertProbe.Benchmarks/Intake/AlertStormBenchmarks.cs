using System.Text.Json;
using AlertProbe.Core.Alerts;
using AlertProbe.Core.Intake;
using BenchmarkDotNet.Attributes;

namespace AlertProbe.Benchmarks.Intake;

/// <summary>
/// The storm case: one Alertmanager message carrying 500 alerts (about 750 planned tests), planned in one go,
/// against just reading its JSON.
/// </summary>
[MemoryDiagnoser]
public class AlertStormBenchmarks
{
    public const int AlertCount = 500;

    private static readonly JsonDocumentOptions ReadOptions = new() { MaxDepth = AlertPayloadParser.MaxNestingDepth };

    private byte[] payload = [];
    private IntakePlanner planner = null!;

    [GlobalSetup]
    public void Setup()
    {
        payload = AlertStormPayload.Create(AlertCount);
        if (payload.Length > AlertPayloadParser.MaxPayloadBytes)
        {
            throw new InvalidOperationException($"The storm payload is {payload.Length} bytes, over the intake's limit; it would be refused unread.");
        }

        planner = SampleIntake.CreatePlanner();
        Console.WriteLine($"// storm: {payload.Length} bytes; " + SampleIntake.EnsureUnderstood(planner, payload, "storm"));
    }

    [Benchmark(Baseline = true)]
    public JsonValueKind ReadJson()
    {
        using var document = JsonDocument.Parse(payload, ReadOptions);
        return document.RootElement.ValueKind;
    }

    [Benchmark]
    public IntakePlan Plan() => planner.Plan(payload, SampleIntake.Hints);
}
