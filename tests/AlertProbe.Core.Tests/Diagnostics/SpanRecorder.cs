using System.Collections.Concurrent;
using System.Diagnostics;
using AlertProbe.Core.Diagnostics;

namespace AlertProbe.Core.Tests.Diagnostics;

/// <summary>
/// Records the app's spans of one trace: the test starts a root span of its own and keeps only spans of that trace,
/// so tests running in parallel (which emit on the same process-wide source) do not disturb each other.
/// </summary>
internal sealed class SpanRecorder : IDisposable
{
    private static readonly ActivitySource TestSource = new("AlertProbe.Core.Tests");
    private readonly ActivityListener _listener;
    private readonly ConcurrentQueue<Activity> _stopped = new();

    public SpanRecorder()
    {
        // Read before the listener exists: a static initialised lazily inside ShouldListenTo would miss the listener.
        var testSource = TestSource;
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == AlertProbeTelemetry.Name || source == testSource,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity => _stopped.Enqueue(activity),
        };
        ActivitySource.AddActivityListener(_listener);
        Root = testSource.StartActivity("test root") ?? throw new InvalidOperationException("The test's root span was not created.");
    }

    /// <summary>The test's own span; what the code under test starts while it is current belongs to its trace.</summary>
    public Activity Root { get; }

    public IReadOnlyList<Activity> Spans(ActivityTraceId traceId) => [.. _stopped.Where(span => span.TraceId == traceId && span.Source.Name == AlertProbeTelemetry.Name)];

    public void Dispose()
    {
        Root.Dispose();
        _listener.Dispose();
    }
}
