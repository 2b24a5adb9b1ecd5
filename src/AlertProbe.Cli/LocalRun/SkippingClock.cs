namespace AlertProbe.Cli.LocalRun;

/// <summary>
/// The embedded run's clock: real time plus an offset that the dispatcher moves forward when every handler is
/// idle and the next scheduled message is not due yet. The simulator and the handlers share it, so a result delay,
/// a collection re-check or a rerun five minutes away is reached at once, in the same order and with the same
/// timestamps as in real time. Timers (HTTP timeouts, retry back-off) stay in real time. Never used against a real API.
/// </summary>
internal sealed class SkippingClock : TimeProvider
{
    private long _offsetTicks;

    /// <summary>How much waiting has been skipped so far.</summary>
    public TimeSpan Skipped => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow().AddTicks(Interlocked.Read(ref _offsetTicks));

    /// <summary>Moves the clock forward to <paramref name="instant"/> (never backward).</summary>
    public void SkipTo(DateTimeOffset instant)
    {
        var gap = instant - GetUtcNow();
        if (gap > TimeSpan.Zero)
        {
            Interlocked.Add(ref _offsetTicks, gap.Ticks);
        }
    }
}
