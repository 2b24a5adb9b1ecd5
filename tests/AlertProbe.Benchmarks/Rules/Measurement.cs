using System.Diagnostics;

namespace AlertProbe.Benchmarks.Rules;

/// <summary>Median wall time and allocation of an action, after warm-up (a small stand-in for a BenchmarkDotNet job).</summary>
public static class Measurement
{
    /// <summary>Median time of one call over <paramref name="rounds"/> rounds of <paramref name="callsPerRound"/> calls.</summary>
    public static TimeSpan MedianPerCall(Action action, int rounds, int callsPerRound, int warmUpCalls = 3)
    {
        ArgumentNullException.ThrowIfNull(action);
        for (var i = 0; i < warmUpCalls; i++)
        {
            action();
        }

        var samples = new double[rounds];
        for (var round = 0; round < rounds; round++)
        {
            var watch = Stopwatch.StartNew();
            for (var call = 0; call < callsPerRound; call++)
            {
                action();
            }

            samples[round] = watch.Elapsed.TotalMilliseconds / callsPerRound;
        }

        Array.Sort(samples);
        return TimeSpan.FromMilliseconds(samples[rounds / 2]);
    }

    /// <summary>Bytes allocated on this thread by one call (the work measured here runs on the calling thread).</summary>
    public static long AllocatedBy(Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var before = GC.GetAllocatedBytesForCurrentThread();
        action();
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    /// <summary>Bytes still reachable from what <paramref name="create"/> returns, after full collections.</summary>
    public static long RetainedBy(Func<object> create)
    {
        ArgumentNullException.ThrowIfNull(create);
        var before = FullCollect();
        var kept = create();
        var after = FullCollect();
        GC.KeepAlive(kept);
        return after - before;
    }

    private static long FullCollect()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
