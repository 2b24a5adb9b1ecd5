namespace AlertProbe.Simulator.Snapshots;

/// <summary>
/// The simulated organisation's test snapshots (v7 <c>POST /v7/tests/{testId}/snapshot</c>) and the vendor's limit on
/// them: at most <see cref="Limit"/> per organisation within <see cref="Window"/> (Test Snapshots API 7.0.100:
/// "a maximum of 5 snapshots per organization within a 5-minute interval"). <see cref="SharingDisabled"/> plays a
/// region where public snapshots are disabled (the spec's 403). Thread-safe.
/// </summary>
public sealed class SnapshotBook
{
    public const int Limit = 5;

    public static readonly TimeSpan Window = TimeSpan.FromMinutes(5);

    private readonly Lock _gate = new();
    private readonly List<SimulatedSnapshot> _snapshots = [];
    private int _next = 1;

    /// <summary>Refuse every snapshot with 403, as a region where sharing is disabled does.</summary>
    public bool SharingDisabled { get; set; }

    public IReadOnlyList<SimulatedSnapshot> Created
    {
        get { lock (_gate) { return [.. _snapshots]; } }
    }

    /// <summary>Records a snapshot unless the organisation made <see cref="Limit"/> within the last <see cref="Window"/>; null then, with when one frees up.</summary>
    internal SimulatedSnapshot? TryCreate(string testId, string displayName, DateTimeOffset start, DateTimeOffset end, DateTimeOffset now, out DateTimeOffset retryAt)
    {
        lock (_gate)
        {
            var recent = _snapshots.Where(snapshot => snapshot.SharedAt > now - Window).OrderBy(snapshot => snapshot.SharedAt).ToList();
            if (recent.Count >= Limit)
            {
                retryAt = recent[0].SharedAt + Window;
                return null;
            }

            retryAt = now;
            var snapshot = new SimulatedSnapshot($"sim{_next++:D4}", testId, displayName, start, end, now);
            _snapshots.Add(snapshot);
            return snapshot;
        }
    }
}

public sealed record SimulatedSnapshot(string Id, string TestId, string DisplayName, DateTimeOffset StartDate, DateTimeOffset EndDate, DateTimeOffset SharedAt);
