using System.Globalization;
using AlertProbe.Core.FollowUp.Delivery;
using AlertProbe.Core.FollowUp.Snapshots;
using AlertProbe.Core.FollowUp.Verdicts;
using AlertProbe.Core.FollowUp.WriteBack;
using AlertProbe.Core.Ledger;
using AlertProbe.Core.Messages;
using AlertProbe.Core.Outcomes;
using AlertProbe.ThousandEyes.Errors;
using Azure.Messaging.ServiceBus;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AlertProbe.Core.FollowUp.Collection;

/// <summary>
/// Subscription <c>collect</c>: waits (by scheduled re-checks, never in-process) for a run's results, turns them into
/// a verdict, saves it in the ledger, publishes <see cref="InstantTestResults"/> on <c>test-results</c> and replies
/// to the origin once. Shared by the Functions trigger and the CLI's in-process run.
/// </summary>
/// <remarks>
/// Order: saved results are reused (a redelivery or a delivery retry never re-judges a run); new results are saved
/// before publishing (a publish failure redelivers and republishes the same verdict, which the topic's duplicate
/// detection drops when the first publish did get through); the reply comes last, so a failing destination never
/// loses the published result.
/// </remarks>
public sealed partial class CollectResultsHandler
{
    private readonly RunResultsReader _reader;
    private readonly ILedger _ledger;
    private readonly InstantTestPublisher _publisher;
    private readonly FollowUpScheduler _scheduler;
    private readonly VerdictDelivery _delivery;
    private readonly WriteBackDelivery _writeBack;
    private readonly RunSnapshots _snapshots;
    private readonly TimeProvider _time;
    private readonly FollowUpOptions _options;
    private readonly VerdictEngine _engine;
    private readonly ILogger<CollectResultsHandler> _logger;

    public CollectResultsHandler(
        RunResultsReader reader,
        ILedger ledger,
        InstantTestPublisher publisher,
        FollowUpScheduler scheduler,
        VerdictDelivery delivery,
        WriteBackDelivery writeBack,
        RunSnapshots snapshots,
        TimeProvider timeProvider,
        IOptions<FollowUpOptions> options,
        ILogger<CollectResultsHandler> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _reader = reader ?? throw new ArgumentNullException(nameof(reader));
        _ledger = ledger ?? throw new ArgumentNullException(nameof(ledger));
        _publisher = publisher ?? throw new ArgumentNullException(nameof(publisher));
        _scheduler = scheduler ?? throw new ArgumentNullException(nameof(scheduler));
        _delivery = delivery ?? throw new ArgumentNullException(nameof(delivery));
        _writeBack = writeBack ?? throw new ArgumentNullException(nameof(writeBack));
        _snapshots = snapshots ?? throw new ArgumentNullException(nameof(snapshots));
        _time = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        _options = options.Value;
        _engine = new VerdictEngine(_options.Thresholds);
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    public async Task<IntakeOutcome> HandleAsync(ServiceBusReceivedMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var read = MessageEnvelope.ReadInstantTestCreated(message.Body);
        if (!read.IsSuccess)
        {
            return IntakeOutcome.DeadLettered.From(read.Rejection);
        }

        var created = read.Message;
        if (!created.FollowUp.Collect)
        {
            return new IntakeOutcome.Completed($"test {created.TestId} run {created.Run}: collection was not requested");
        }

        var deliveryAttempt = FollowUpMessages.Counter(message, FollowUpProperties.DeliveryAttempt);
        var results = await SavedResultsAsync(created, cancellationToken).ConfigureAwait(false);
        if (results is null)
        {
            var collected = await CollectAsync(message, created, cancellationToken).ConfigureAwait(false);
            if (collected.Outcome is { } notYet)
            {
                return notYet;
            }

            results = collected.Results!;
            // Before saving: a redelivery reuses the saved results, snapshot included, and never makes a second one.
            results = results with { Snapshot = await _snapshots.CreateAsync(created, results.Verdict, cancellationToken).ConfigureAwait(false) };
            await _ledger.SaveResultsAsync(results, cancellationToken).ConfigureAwait(false);
            var headline = results.Reasons.Count > 0 ? results.Reasons[0] : string.Empty;
            Log.VerdictReached(_logger, created.TestId, created.Run, results.Verdict, headline, created.Trigger.CorrelationId);
        }

        // A delivery retry is only scheduled after a successful publish.
        if (deliveryAttempt == 0)
        {
            try
            {
                await _publisher.PublishResultsAsync(results, cancellationToken).ConfigureAwait(false);
            }
            catch (ServiceBusException exception) when (exception.IsTransient)
            {
                return new IntakeOutcome.Abandoned($"publishing the results of test {created.TestId} run {created.Run} failed: {exception.Reason}");
            }
        }

        return await DeliverAsync(message, created, results, deliveryAttempt, cancellationToken).ConfigureAwait(false);
    }

    private async Task<InstantTestResults?> SavedResultsAsync(InstantTestCreated created, CancellationToken cancellationToken)
    {
        var saved = await _ledger.GetResultsAsync(created.TestId, cancellationToken).ConfigureAwait(false);
        return saved.FirstOrDefault(results => results.Run == created.Run);
    }

    private async Task<Collected> CollectAsync(ServiceBusReceivedMessage message, InstantTestCreated created, CancellationToken cancellationToken)
    {
        var attempt = FollowUpMessages.Counter(message, FollowUpProperties.CollectAttempt);
        var found = await _reader.ReadAsync(created, cancellationToken).ConfigureAwait(false);
        var now = _time.GetUtcNow();
        var deadline = created.CreatedAt + _options.CollectDeadline;

        switch (found.Error)
        {
            case null:
                break;
            case RateLimitedError limited:
                return await RetryCollectionAsync(message, created, attempt + 1, limited.Until, "RateLimited", cancellationToken).ConfigureAwait(false);
            case NotFoundError:
                return Collected.From(Results(created, _engine.Evaluate([], created.Agents) with
                {
                    Reasons = [$"ThousandEyes has no results for test {created.TestId}: {found.Error.Message}"],
                }));
            case BadRequestError or ValidationFailedError:
                return Collected.Settle(new IntakeOutcome.DeadLettered(RejectionReasons.ThousandEyesRejected, found.Error.Message));
            default:
                // Transient, credentials (the client re-read them once already) or an unexpected answer: redeliver.
                Log.CollectFailed(_logger, created.TestId, created.Run, found.Error.Message, created.Trigger.CorrelationId);
                return Collected.Settle(new IntakeOutcome.Abandoned(found.Error.Message));
        }

        if (found.IsComplete || (now >= deadline && found.HasAnyRows))
        {
            var rules = created.FollowUp.Verdict;
            var expectations = rules is null ? null : new VerdictExpectations { DnsAnswers = rules.ExpectedAnswers, StatusCodes = rules.StatusCodes };
            var overrides = rules is { Thresholds.Count: > 0 } ? _options.Thresholds.With(rules.Thresholds) : null;
            var verdict = _engine.Evaluate(found.Families, created.Agents, null, expectations, overrides);
            if (verdict.NeedsPathTraces)
            {
                // Path traces are read only when something fails: they place the fault and can show a failure to be agent-side.
                var failing = verdict.Agents.Where(agent => agent.Verdict == TestVerdict.Failing).Select(agent => agent.AgentId).Distinct().ToList();
                var healthy = verdict.Agents.Where(agent => agent.Verdict is TestVerdict.Healthy or TestVerdict.Degraded).Select(agent => agent.AgentId).Distinct().ToList();
                var paths = await _reader.ReadPathsAsync(created, failing, healthy, cancellationToken).ConfigureAwait(false);
                var localProblems = await _reader.ReadLocalProblemsAsync(created, failing, cancellationToken).ConfigureAwait(false);
                if (paths is not null || localProblems is { Count: > 0 })
                {
                    verdict = _engine.Evaluate(found.Families, created.Agents, paths, expectations, overrides, localProblems);
                }
            }

            return Collected.From(Results(created, verdict));
        }

        if (now >= deadline)
        {
            var reason = $"no results from ThousandEyes within {Describe(_options.CollectDeadline)} of the run";
            Log.NoResultsBeforeDeadline(_logger, created.TestId, created.Run, _options.CollectDeadline, created.Trigger.CorrelationId);
            return Collected.From(Results(created, _engine.Evaluate([], created.Agents) with { Reasons = [reason] }));
        }

        var delay = TimeSpan.FromTicks(Math.Min(_options.CollectMaxDelay.Ticks, _options.CollectInitialDelay.Ticks * (1L << Math.Min(attempt, 20))));
        var at = now + delay < deadline ? now + delay : deadline;
        return await RetryCollectionAsync(message, created, attempt + 1, at, "NotReady", cancellationToken).ConfigureAwait(false);
    }

    private async Task<Collected> RetryCollectionAsync(
        ServiceBusReceivedMessage message, InstantTestCreated created, int attempt, DateTimeOffset at, string reason, CancellationToken cancellationToken)
    {
        try
        {
            await _scheduler.ScheduleAsync(FollowUpMessages.CollectRetry(message, created, attempt), at, cancellationToken).ConfigureAwait(false);
        }
        catch (ServiceBusException exception) when (exception.IsTransient)
        {
            return Collected.Settle(new IntakeOutcome.Abandoned($"scheduling a re-check of test {created.TestId} failed: {exception.Reason}"));
        }

        Log.CollectionRescheduled(_logger, created.TestId, created.Run, attempt, at, reason, created.Trigger.CorrelationId);
        return Collected.Settle(new IntakeOutcome.Rescheduled(at, $"results of test {created.TestId} run {created.Run}: {reason}, re-check {attempt}"));
    }

    /// <summary>
    /// The reply, then each write-back: all under their once-per-run claims, so a retry (scheduled when any of them
    /// failed transiently) sends only what has not got through.
    /// </summary>
    private async Task<IntakeOutcome> DeliverAsync(
        ServiceBusReceivedMessage message, InstantTestCreated created, InstantTestResults results, int attempt, CancellationToken cancellationToken)
    {
        var reply = await _delivery.DeliverAsync(results, _delivery.DestinationFor(created), cancellationToken).ConfigureAwait(false);
        var writeBacks = await _writeBack.DeliverAsync(created, results, cancellationToken).ConfigureAwait(false);
        DeliveryOutcome[] outcomes = [reply, .. writeBacks];
        var detail = string.Join("; ", outcomes.Select(outcome => outcome.Detail));
        var verdict = $"test {results.TestId} run {results.Run} is {results.Verdict.ToString().ToLowerInvariant()}, published";
        var failed = outcomes.Where(outcome => outcome.Status is DeliveryStatus.FailedTransiently or DeliveryStatus.FailedPermanently).ToList();
        if (failed.Count == 0)
        {
            return new IntakeOutcome.Completed($"{verdict}; {detail}");
        }

        if (failed.Any(outcome => outcome.Status == DeliveryStatus.FailedTransiently) && attempt + 1 < _options.Delivery.MaxAttempts)
        {
            var at = _time.GetUtcNow() + _options.Delivery.RetryDelay;
            try
            {
                await _scheduler.ScheduleAsync(FollowUpMessages.DeliveryRetry(message, created, attempt + 1), at, cancellationToken).ConfigureAwait(false);
            }
            catch (ServiceBusException exception) when (exception.IsTransient)
            {
                return new IntakeOutcome.Abandoned($"{verdict}; scheduling a reply retry failed: {exception.Reason}");
            }

            return new IntakeOutcome.Rescheduled(at, $"{verdict}; reply failed ({detail}), retry {attempt + 1}");
        }

        foreach (var outcome in failed)
        {
            Log.DeliveryGivenUp(_logger, results.TestId, results.Run, attempt + 1, outcome.Detail, created.Trigger.CorrelationId);
        }

        return new IntakeOutcome.Completed($"{verdict}; reply given up after {attempt + 1} attempt(s): {detail}");
    }

    private InstantTestResults Results(InstantTestCreated created, RunVerdict verdict) => new()
    {
        TestId = created.TestId,
        TestType = created.TestType,
        Run = created.Run,
        Target = created.Target,
        Trigger = created.Trigger,
        CollectedAt = _time.GetUtcNow(),
        Verdict = verdict.Verdict,
        Reasons = verdict.Reasons,
        Agents = verdict.Agents,
        Location = verdict.Location,
        AppLink = verdict.AppLink,
        Links = created.ResultLinks,
    };

    /// <summary>"5 minutes", "90 seconds".</summary>
    internal static string Describe(TimeSpan duration) =>
        duration.TotalMinutes >= 1 && duration.Seconds == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{(int)duration.TotalMinutes} minute{(duration.TotalMinutes >= 2 ? "s" : "")}")
            : string.Create(CultureInfo.InvariantCulture, $"{(int)duration.TotalSeconds} seconds");

    private sealed record Collected(InstantTestResults? Results, IntakeOutcome? Outcome)
    {
        public static Collected From(InstantTestResults results) => new(results, null);

        public static Collected Settle(IntakeOutcome outcome) => new(null, outcome);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 4010, Level = LogLevel.Information,
            Message = "Results of test {TestId} run {Run} not there yet ({Reason}); re-check {Attempt} at {At:o} (correlation {CorrelationId})")]
        public static partial void CollectionRescheduled(ILogger logger, string testId, int run, int attempt, DateTimeOffset at, string reason, string correlationId);

        [LoggerMessage(EventId = 4011, Level = LogLevel.Warning,
            Message = "No results for test {TestId} run {Run} within {Deadline}: inconclusive (correlation {CorrelationId})")]
        public static partial void NoResultsBeforeDeadline(ILogger logger, string testId, int run, TimeSpan deadline, string correlationId);

        [LoggerMessage(EventId = 4012, Level = LogLevel.Information,
            Message = "Test {TestId} run {Run} is {Verdict}: {Reason} (correlation {CorrelationId})")]
        public static partial void VerdictReached(ILogger logger, string testId, int run, TestVerdict verdict, string reason, string correlationId);

        [LoggerMessage(EventId = 4013, Level = LogLevel.Warning,
            Message = "Reading results of test {TestId} run {Run} failed: {Error} (correlation {CorrelationId})")]
        public static partial void CollectFailed(ILogger logger, string testId, int run, string error, string correlationId);

        [LoggerMessage(EventId = 4014, Level = LogLevel.Warning,
            Message = "Gave up replying with the verdict of test {TestId} run {Run} after {Attempts} attempt(s): {Detail}; the result stays published (correlation {CorrelationId})")]
        public static partial void DeliveryGivenUp(ILogger logger, string testId, int run, int attempts, string detail, string correlationId);
    }
}
