namespace AlertProbe.Benchmarks.Storm;

/// <summary>Where the storm's ledger and rate budget live.</summary>
public enum StormStore
{
    /// <summary>The in-memory store (same logic, no network): counts store operations.</summary>
    Memory,

    /// <summary>Table Storage on a private Azurite (as the test command starts it): counts HTTP requests.</summary>
    Tables,
}

/// <summary>The shape of one storm: how many alert messages over how many targets, and of which severities.</summary>
public sealed record StormSettings
{
    /// <summary>Alert messages, one firing Alertmanager alert each, all on the queue at the start.</summary>
    public int Messages { get; init; } = 10_000;

    /// <summary>Distinct targets (and so coalescing keys): message i probes target i mod Targets.</summary>
    public int Targets { get; init; } = 200;

    public StormStore Store { get; init; } = StormStore.Memory;

    /// <summary>
    /// Mixed severities: every <see cref="CriticalEvery"/>-th target's alerts are critical, the others warnings, and
    /// the warnings are sent first, so the criticals arrive into a budget the warnings already claim.
    /// </summary>
    public bool Mixed { get; init; }

    /// <summary>With <see cref="Mixed"/>: one target in this many is critical.</summary>
    public int CriticalEvery { get; init; } = 4;

    /// <summary>Instant tests per minute the simulated API (and the budget) allow.</summary>
    public int RateLimitPerMinute { get; init; } = 24;

    /// <summary>The faults the storm meets (null: none); see <see cref="Faults.FaultPlan"/>.</summary>
    public Faults.FaultPlan? Faults { get; init; }

    /// <summary>
    /// Measure <see cref="StormReport.AppRetainedMiB"/> at the end: the provider is disposed and the run waits until the
    /// app's objects are collectable (up to 200 s: the HTTP client factory's handler-lifetime timer, 2 min by default,
    /// keeps the handler chain and with it the provider reachable until it fires). Off for the short runs in tests.
    /// </summary>
    public bool MeasureAppMemory { get; init; }

    /// <summary>Azurite connection string for <see cref="StormStore.Tables"/>; null starts a private Azurite.</summary>
    public string? TablesConnectionString { get; init; }
}
