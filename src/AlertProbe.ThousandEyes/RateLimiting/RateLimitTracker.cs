namespace AlertProbe.ThousandEyes.RateLimiting;

/// <summary>
/// The latest rate-limit state across every client instance (typed HTTP clients are transient; this is a singleton).
/// </summary>
internal sealed class RateLimitTracker
{
    private readonly Lock _gate = new();
    private RateLimitSnapshot _current = RateLimitSnapshot.Empty;

    public RateLimitSnapshot Current
    {
        get
        {
            lock (_gate)
            {
                return _current;
            }
        }
    }

    /// <summary>Merges <paramref name="observed"/> in, unless an older response arrives after a newer one.</summary>
    public RateLimitSnapshot Update(RateLimitSnapshot observed)
    {
        lock (_gate)
        {
            if (_current.ObservedAt is { } last && observed.ObservedAt is { } now && now < last)
            {
                return _current;
            }

            _current = _current.MergeWith(observed);
            return _current;
        }
    }
}
