using System.Collections.Concurrent;

namespace AlertProbe.Benchmarks.Storm.Faults;

/// <summary>
/// Draws the faults of a <see cref="FaultPlan"/> and counts what it injected. A crash is modelled the only way an
/// in-process run can: once a crash point fires during a handler call, every later call that call makes to the
/// outside (ThousandEyes, store, Service Bus) fails without effect, as if the process were gone, and the scenario
/// settles nothing: the message comes back when its lock expires.
/// </summary>
public sealed class FaultInjector(FaultPlan plan)
{
    private readonly Random _random = new(plan.Seed);
    private readonly Lock _gate = new();
    private long _storeCalls;
    private long _apiCalls;

    public FaultPlan Plan { get; } = plan;

    /// <summary>Injected faults by kind (e.g. <c>api.503</c>, <c>store.outage</c>, <c>crash.after-create</c>).</summary>
    public ConcurrentDictionary<string, int> Injected { get; } = new(StringComparer.Ordinal);

    /// <summary>The current handler call has crashed: nothing it does from now on reaches anything.</summary>
    public bool Crashed { get; private set; }

    /// <summary>A new handler call (a new delivery) starts with a live process.</summary>
    public void BeginCall() => Crashed = false;

    /// <summary>True, and counted as <paramref name="kind"/>, with probability <paramref name="rate"/>.</summary>
    public bool Roll(double rate, string kind)
    {
        if (rate <= 0)
        {
            return false;
        }

        bool hit;
        lock (_gate)
        {
            hit = _random.NextDouble() < rate;
        }

        if (hit)
        {
            Count(kind);
        }

        return hit;
    }

    /// <summary>The store call about to be made is the n-th; inside the outage range it fails.</summary>
    public bool InStoreOutage()
    {
        var n = Interlocked.Increment(ref _storeCalls) - 1;
        if (Plan.StoreOutage is not { } outage || n < outage.Start.Value || n >= outage.End.Value)
        {
            return false;
        }

        Count("store.outage");
        return true;
    }

    /// <summary>The ThousandEyes call about to be made is among the first <see cref="FaultPlan.ApiUnauthorizedFirst"/>.</summary>
    public bool Unauthorized()
    {
        var n = Interlocked.Increment(ref _apiCalls);
        if (n > Plan.ApiUnauthorizedFirst)
        {
            return false;
        }

        Count("api.401");
        return true;
    }

    /// <summary>After a step succeeded: the process dies here with probability <paramref name="rate"/>.</summary>
    public void MaybeCrash(double rate, string point)
    {
        if (!Crashed && Roll(rate, "crash." + point))
        {
            Crashed = true;
        }
    }

    /// <summary>Called before every outside call: a crashed process makes none.</summary>
    public void ThrowIfCrashed()
    {
        if (Crashed)
        {
            throw new ProcessCrashedException();
        }
    }

    private void Count(string kind) => Injected.AddOrUpdate(kind, 1, (_, n) => n + 1);
}

/// <summary>What a call made after a simulated crash meets (nothing it asks happens).</summary>
public sealed class ProcessCrashedException() : Exception("the process crashed (simulated): this call had no effect");
