namespace AlertProbe.Simulator.RateLimiting;

/// <summary>
/// ThousandEyes-style limit: a window opens with the first call of a batch and rolls one minute later;
/// calls beyond the limit inside the window are refused and do not count.
/// </summary>
internal sealed class RateLimitWindow(Func<int> limit)
{
    private static readonly TimeSpan Length = TimeSpan.FromMinutes(1);
    private readonly Lock _gate = new();
    private DateTimeOffset? _start;
    private int _count;

    public RateLimitDecision TryAcquire(DateTimeOffset now)
    {
        lock (_gate)
        {
            Roll(now);
            var max = limit();
            var resetAt = _start!.Value + Length;
            if (_count >= max)
            {
                return new RateLimitDecision(false, max, 0, resetAt);
            }

            _count++;
            return new RateLimitDecision(true, max, max - _count, resetAt);
        }
    }

    /// <summary>The current state without counting a call (for headers on responses that did not count).</summary>
    public RateLimitDecision Peek(DateTimeOffset now)
    {
        lock (_gate)
        {
            var max = limit();
            if (_start is null || now >= _start.Value + Length)
            {
                return new RateLimitDecision(true, max, max, now + Length);
            }

            return new RateLimitDecision(_count < max, max, Math.Max(0, max - _count), _start.Value + Length);
        }
    }

    public void Reset()
    {
        lock (_gate)
        {
            _start = null;
            _count = 0;
        }
    }

    private void Roll(DateTimeOffset now)
    {
        if (_start is null || now >= _start.Value + Length)
        {
            _start = now;
            _count = 0;
        }
    }
}
