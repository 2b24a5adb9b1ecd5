using AlertProbe.Core.Ledger;
using AlertProbe.Core.Messages;
using AlertProbe.Core.Outcomes;
using AlertProbe.Core.RateLimiting;
using AlertProbe.ThousandEyes;
using AlertProbe.ThousandEyes.Errors;
using Azure.Messaging.ServiceBus;
using Microsoft.Extensions.Logging;

namespace AlertProbe.Core.FollowUp.Reruns;

/// <summary>
/// Subscription <c>rerun</c>: follows a test's rerun policy. An <see cref="InstantTestCreated"/> for run k (k &lt;
/// count) schedules a <c>RerunDue</c> for run k+1 at createdAt + interval. A <c>RerunDue</c> stops when the alert has
/// resolved, records the run in the ledger, takes one call from the shared rate budget, reruns the test and publishes
/// <see cref="InstantTestCreated"/> for the new run, which brings collection and the next rerun.
/// </summary>
/// <remarks>
/// Exactly the policy's number of reruns, also under redelivery: a run is recorded (insert-if-absent) before
/// ThousandEyes is called, and a message whose run was already recorded never calls again; it only republishes the
/// run's message (dropped by duplicate detection if the first publish got through). When the budget is spent or
/// ThousandEyes answers 429 after recording, the rerun is certainly not made, so a copy marked "claimed" is scheduled
/// and its first delivery may call. The cost of this order is at most once: a crash between recording and calling,
/// or a transient failure of the call itself (it may or may not have run), leaves that run without a new round; its
/// collection then reports "inconclusive" rather than a second rerun happening.
/// </remarks>
public sealed partial class RerunTestsHandler
{
    private readonly ThousandEyesClient _client;
    private readonly ILedger _ledger;
    private readonly RateBudget _budget;
    private readonly InstantTestPublisher _publisher;
    private readonly FollowUpScheduler _scheduler;
    private readonly TimeProvider _time;
    private readonly ILogger<RerunTestsHandler> _logger;

    public RerunTestsHandler(
        ThousandEyesClient client,
        ILedger ledger,
        RateBudget budget,
        InstantTestPublisher publisher,
        FollowUpScheduler scheduler,
        TimeProvider timeProvider,
        ILogger<RerunTestsHandler> logger)
    {
        _client = client ?? throw new ArgumentNullException(nameof(client));
        _ledger = ledger ?? throw new ArgumentNullException(nameof(ledger));
        _budget = budget ?? throw new ArgumentNullException(nameof(budget));
        _publisher = publisher ?? throw new ArgumentNullException(nameof(publisher));
        _scheduler = scheduler ?? throw new ArgumentNullException(nameof(scheduler));
        _time = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
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
        if (!created.FollowUp.HasRerunAfter(created.Run))
        {
            return new IntakeOutcome.Completed($"test {created.TestId}: no rerun is due after run {created.Run}");
        }

        try
        {
            return message.Subject == FollowUpSubjects.RerunDue
                ? await RerunAsync(message, created, cancellationToken).ConfigureAwait(false)
                : await ScheduleNextAsync(created, cancellationToken).ConfigureAwait(false);
        }
        catch (ServiceBusException exception) when (exception.IsTransient)
        {
            return new IntakeOutcome.Abandoned($"test {created.TestId}: Service Bus failed transiently: {exception.Reason}");
        }
    }

    private async Task<IntakeOutcome> ScheduleNextAsync(InstantTestCreated created, CancellationToken cancellationToken)
    {
        var due = created.CreatedAt + created.FollowUp.Rerun!.Interval;
        var now = _time.GetUtcNow();
        var at = due > now ? due : now;
        await _scheduler.ScheduleAsync(FollowUpMessages.RerunDue(created), at, cancellationToken).ConfigureAwait(false);
        return new IntakeOutcome.Rescheduled(at, $"test {created.TestId}: run {created.Run + 1} is due");
    }

    private async Task<IntakeOutcome> RerunAsync(ServiceBusReceivedMessage message, InstantTestCreated created, CancellationToken cancellationToken)
    {
        var policy = created.FollowUp.Rerun!;
        var run = created.Run + 1;
        var attempt = FollowUpMessages.Counter(message, FollowUpProperties.RerunAttempt);
        var trigger = created.Trigger;

        // A resolution older than the previous run's window belongs to an earlier firing of the alert; the previous
        // interval is included so a resolution that raced the previous rerun still stops this one.
        var since = created.Run == 0 ? created.CreatedAt : created.CreatedAt - policy.Interval;
        if (policy.StopWhenResolved && await _ledger.IsAlertResolvedAsync(trigger.Source, trigger.AlertId, since, cancellationToken).ConfigureAwait(false))
        {
            Log.StoppedResolved(_logger, created.TestId, run, trigger.AlertId, trigger.CorrelationId);
            return new IntakeOutcome.Completed($"test {created.TestId}: alert {trigger.AlertId} resolved; no run {run}");
        }

        var claimed = FollowUpMessages.Flag(message, FollowUpProperties.RerunClaimed);
        var mayCall = claimed
            ? message.DeliveryCount <= 1
            : await _ledger.TryRecordRunAsync(created.TestId, run, cancellationToken).ConfigureAwait(false);
        if (!mayCall)
        {
            // Recorded by an earlier attempt that may have called: never call twice, only make sure the run is announced.
            Log.RunAlreadyRecorded(_logger, created.TestId, run, message.DeliveryCount, trigger.CorrelationId);
            await PublishRunAsync(created, run, _time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            return new IntakeOutcome.Completed($"test {created.TestId}: run {run} was already recorded; republished without rerunning");
        }

        if (await _budget.TryAcquireAsync(trigger.Severity, cancellationToken).ConfigureAwait(false) is RateBudgetDecision.Exhausted exhausted)
        {
            return await PutOffAsync(created, attempt + 1, exhausted.RetryAt, $"rate budget spent ({exhausted.Reason})", cancellationToken).ConfigureAwait(false);
        }

        // The client's pipeline reports the response's rate-limit headers and a 429 to the budget.
        var rerun = await _client.RerunInstantTestAsync(created.TestId, created.AccountGroupId, cancellationToken).ConfigureAwait(false);
        switch (rerun.Error)
        {
            case null:
                Log.Rerun(_logger, created.TestId, run, policy.Count, trigger.CorrelationId);
                await PublishRunAsync(created, run, rerun.Value!.AcceptedAt, cancellationToken).ConfigureAwait(false);
                return new IntakeOutcome.Completed($"test {created.TestId}: rerun {run} of {policy.Count} started");
            case RateLimitedError limited:
                return await PutOffAsync(created, attempt + 1, limited.Until, "ThousandEyes answered 429", cancellationToken).ConfigureAwait(false);
            case NotFoundError or BadRequestError or ValidationFailedError:
                return new IntakeOutcome.DeadLettered(RejectionReasons.ThousandEyesRejected, $"rerun {run} of test {created.TestId}: {rerun.Error.Message}");
            default:
                // The call may have reached ThousandEyes (or credentials are refused: stop hammering): the redelivery
                // finds the run recorded and does not call again.
                Log.RerunFailed(_logger, created.TestId, run, rerun.Error.Message, trigger.CorrelationId);
                return new IntakeOutcome.Abandoned($"rerun {run} of test {created.TestId}: {rerun.Error.Message}");
        }
    }

    /// <summary>The run is recorded but certainly not made: a claimed copy tries again at <paramref name="at"/>.</summary>
    private async Task<IntakeOutcome> PutOffAsync(InstantTestCreated created, int attempt, DateTimeOffset at, string reason, CancellationToken cancellationToken)
    {
        await _scheduler.ScheduleAsync(FollowUpMessages.RerunDue(created, attempt, claimed: true), at, cancellationToken).ConfigureAwait(false);
        Log.PutOff(_logger, created.TestId, created.Run + 1, at, reason, created.Trigger.CorrelationId);
        return new IntakeOutcome.Rescheduled(at, $"test {created.TestId}: run {created.Run + 1} put off, {reason}");
    }

    private Task PublishRunAsync(InstantTestCreated previous, int run, DateTimeOffset createdAt, CancellationToken cancellationToken) =>
        _publisher.PublishCreatedAsync(previous with { Run = run, CreatedAt = createdAt }, cancellationToken);

    private static partial class Log
    {
        [LoggerMessage(EventId = 4030, Level = LogLevel.Information, Message = "Reran test {TestId}: run {Run} of {Count} (correlation {CorrelationId})")]
        public static partial void Rerun(ILogger logger, string testId, int run, int count, string correlationId);

        [LoggerMessage(EventId = 4031, Level = LogLevel.Information, Message = "Alert {AlertId} resolved: test {TestId} is not rerun (run {Run}) (correlation {CorrelationId})")]
        public static partial void StoppedResolved(ILogger logger, string testId, int run, string alertId, string correlationId);

        [LoggerMessage(EventId = 4032, Level = LogLevel.Warning,
            Message = "Run {Run} of test {TestId} was already recorded (delivery {DeliveryCount}): republishing without calling ThousandEyes (correlation {CorrelationId})")]
        public static partial void RunAlreadyRecorded(ILogger logger, string testId, int run, int deliveryCount, string correlationId);

        [LoggerMessage(EventId = 4033, Level = LogLevel.Information, Message = "Run {Run} of test {TestId} put off until {At:o}: {Reason} (correlation {CorrelationId})")]
        public static partial void PutOff(ILogger logger, string testId, int run, DateTimeOffset at, string reason, string correlationId);

        [LoggerMessage(EventId = 4034, Level = LogLevel.Warning, Message = "Rerun {Run} of test {TestId} failed: {Error} (correlation {CorrelationId})")]
        public static partial void RerunFailed(ILogger logger, string testId, int run, string error, string correlationId);
    }
}
