using System.Text.Json.Serialization;

namespace AlertProbe.Benchmarks.Storm;

/// <summary>
/// What a storm run counted. Every figure is a count or a share of counts (never a wall-clock time), so a short
/// storm's report can be checked in a test.
/// </summary>
public sealed record StormReport
{
    public required int Messages { get; init; }

    /// <summary>Coalescing keys in the storm (distinct targets).</summary>
    public required int DistinctKeys { get; init; }

    /// <summary>Instant tests the simulated API created.</summary>
    public required int Created { get; init; }

    /// <summary>Alerts that completed without a test of their own: coalesced onto another alert's test (done or pending).</summary>
    public required int Coalesced { get; init; }

    public required int DeadLettered { get; init; }

    /// <summary>Alerts that ended neither with a test (their own, or one they were coalesced onto) nor dead-lettered.</summary>
    public required int Lost { get; init; }

    /// <summary>
    /// Tests beyond one per coalescing key, not counting tests declared lost (<c>TestIdLost</c>): with the storm inside the
    /// rules' 10-minute cooldown, every one is a test created twice.
    /// </summary>
    public required int Duplicates { get; init; }

    /// <summary>429 answers from the API over the whole run.</summary>
    [JsonPropertyName("http429")]
    public required int Http429 { get; init; }

    /// <summary>429 answers after the first API window.</summary>
    [JsonPropertyName("http429AfterFirstWindow")]
    public required int Http429AfterFirstWindow { get; init; }

    /// <summary>Messages settled as completed (with their test, coalesced onto another alert's test, or a logged reason).</summary>
    public required int Completed { get; init; }

    /// <summary>Coalesced alerts refused with the claim they rode on (named in its message's dead-letter description).</summary>
    public required int RefusedWithClaim { get; init; }

    /// <summary>Messages dead-lettered as <c>TestIdLost</c>: their test was created but its id never recorded (not followed up).</summary>
    public required int TestIdLost { get; init; }

    /// <summary>Messages with no final settlement whose copy is still scheduled on the queue when the run ends.</summary>
    public required int Scheduled { get; init; }

    /// <summary>Distinct test ids published in <c>InstantTestCreated</c> messages.</summary>
    public required int Published { get; init; }

    /// <summary>Tests the API created that no published <c>InstantTestCreated</c> names (created, never followed up).</summary>
    public required int CreatedUnpublished { get; init; }

    /// <summary>Handler calls that died at a simulated crash point (redelivered when the lock expired).</summary>
    public required int Crashes { get; init; }

    /// <summary>Dead-lettered messages by reason (the intake's own, or <c>MaxDeliveryCountExceeded</c> from the broker).</summary>
    public IReadOnlyDictionary<string, int>? DeadLetterReasons { get; init; }

    /// <summary>Faults injected, by kind (null when the run had no fault plan).</summary>
    public IReadOnlyDictionary<string, int>? Faults { get; init; }

    /// <summary>Managed heap in MiB after a full collection: at the start, after as many handler calls as messages, at the end.</summary>
    public required IReadOnlyList<double> MemoryMiB { get; init; }

    /// <summary>
    /// Managed heap in MiB the app's own objects keep at the end (its service provider's singletons: caches, budget,
    /// rules, clients), measured as the end heap less the heap once the provider is disposed; the harness's records are
    /// kept in both. Flat memory means this stays bounded whatever the number of messages. Null when not measured
    /// (<see cref="StormSettings.MeasureAppMemory"/>) or when the app's objects did not become collectable.
    /// </summary>
    public double? AppRetainedMiB { get; init; }

    /// <summary>Intake handler calls (deliveries, rescheduled copies and redeliveries included).</summary>
    public required int HandlerCalls { get; init; }

    public required double HandlerCallsPerAlert { get; init; }

    /// <summary>Table Storage HTTP requests (tables) or ledger-store operations (memory, each one request on tables).</summary>
    public required long TableRequests { get; init; }

    public required double TableRequestsPerAlert { get; init; }

    /// <summary>Share of the instant-test budget used over the API windows before the last (the last is partial); null with one window.</summary>
    public required double? BudgetUsed { get; init; }

    /// <summary>API windows the run used, and the instant tests created in each.</summary>
    public required IReadOnlyList<int> CreatesPerWindow { get; init; }

    /// <summary>The most copies that became due at one instant (the size of a thundering herd).</summary>
    public required int MaxDueAtOnce { get; init; }

    /// <summary>Fake-clock minutes from the first delivery to the last settlement.</summary>
    public required double VirtualMinutes { get; init; }

    /// <summary>Per severity (mixed storms): when its keys' tests were created, in fake-clock seconds from the start.</summary>
    public IReadOnlyDictionary<string, SeverityTiming>? BySeverity { get; init; }

    public required string Store { get; init; }
}

/// <summary>When one severity's tests were created (fake-clock seconds from the start of the storm).</summary>
public sealed record SeverityTiming(int Keys, int Created, double FirstCreatedAt, double MedianCreatedAt, double LastCreatedAt);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = false)]
[JsonSerializable(typeof(StormReport))]
internal sealed partial class StormJsonContext : JsonSerializerContext;
