using AlertProbe.Core.Messages;
using AlertProbe.ThousandEyes;
using AlertProbe.ThousandEyes.Errors;
using Microsoft.Extensions.Logging;

namespace AlertProbe.Core.FollowUp.Snapshots;

/// <summary>
/// Makes the shareable snapshot of a degraded or failing run (<see cref="ThousandEyesClient.CreateTestSnapshotAsync"/>):
/// the shortest span the API allows (1 hour) ending now, which holds the run and every earlier rerun of the last hour.
/// Once per run: it is made before the results are saved, and a redelivery reuses the saved results. When it cannot be
/// made — the organisation's 5 per 5 minutes are used up, sharing is refused, API v6, or the create failed after it may
/// have reached ThousandEyes (a 5xx or a timeout: never retried, see docs/follow-up.md) — the reason says so and replies
/// link the run's app link instead. A failure here never fails the collection.
/// </summary>
public sealed partial class RunSnapshots(ThousandEyesClient client, TimeProvider time, ILogger<RunSnapshots> logger)
{
    /// <summary>The span of every snapshot: the shortest the API accepts.</summary>
    public static readonly TimeSpan Span = TimeSpan.FromHours(1);

    public async Task<RunSnapshot?> CreateAsync(InstantTestCreated created, TestVerdict verdict, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(created);
        if (verdict is not (TestVerdict.Degraded or TestVerdict.Failing))
        {
            return null;
        }

        if (created.ApiVersion != InstantTestApiVersion.V7)
        {
            return new RunSnapshot { Unavailable = "no snapshot: ThousandEyes test snapshots are made through API v7; the link opens the run in the ThousandEyes app (login needed)" };
        }

        // Whole seconds: the API takes ISO date-times, and the end must not be later than its own clock.
        var now = time.GetUtcNow();
        var end = new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
        var name = $"AlertProbe: {created.Target} {verdict.ToString().ToLowerInvariant()} (run {created.Run}, alert {created.Trigger.AlertId})";
        var result = await client.CreateTestSnapshotAsync(created.TestId, name.Length > 200 ? name[..200] : name, end - Span, end, created.AccountGroupId, cancellationToken).ConfigureAwait(false);
        if (result.IsSuccess)
        {
            Log.Created(logger, created.TestId, created.Run, result.Value.Id);
            return result.Value.AppLink is { } link
                ? new RunSnapshot { Link = link }
                : new RunSnapshot { Unavailable = $"snapshot {result.Value.Id} was made but ThousandEyes gave no link to it; the link opens the run in the ThousandEyes app (login needed)" };
        }

        var why = result.Error switch
        {
            RateLimitedError => "no snapshot: ThousandEyes allows 5 snapshots per organisation per 5 minutes and they are used up",
            ForbiddenError => "no snapshot: ThousandEyes refused it (sharing is disabled for the organisation's region, or the user lacks the 'Create snapshot shares' permission)",
            NotFoundError => "no snapshot: ThousandEyes does not know the test",
            // Not retried (ThousandEyesResiliencePipeline.ShouldRetry): a second create would spend another of the five.
            TransientError { RequestMayHaveSucceeded: true } transient =>
                $"no snapshot: the create failed ({transient.Reason}) after it may have reached ThousandEyes, and it is not retried because a second one would use up another of the organisation's 5 snapshots per 5 minutes",
            TransientError transient => $"no snapshot: ThousandEyes could not be reached ({transient.Reason})",
            _ => $"no snapshot: ThousandEyes did not make one ({result.Error?.GetType().Name.Replace("Error", string.Empty, StringComparison.Ordinal)})",
        };
        Log.NotCreated(logger, created.TestId, created.Run, why);
        return new RunSnapshot { Unavailable = why + "; the link opens the run in the ThousandEyes app (login needed)" };
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 4050, Level = LogLevel.Information, Message = "Made snapshot {SnapshotId} of test {TestId} run {Run}")]
        public static partial void Created(ILogger logger, string testId, int run, string snapshotId);

        [LoggerMessage(EventId = 4051, Level = LogLevel.Warning, Message = "No snapshot of test {TestId} run {Run}: {Reason}")]
        public static partial void NotCreated(ILogger logger, string testId, int run, string reason);
    }
}
