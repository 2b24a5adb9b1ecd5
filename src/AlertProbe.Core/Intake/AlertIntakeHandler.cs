using System.Globalization;
using AlertProbe.Core.Alerts;
using AlertProbe.Core.Diagnostics;
using AlertProbe.Core.Ledger;
using AlertProbe.Core.Messages;
using AlertProbe.Core.Outcomes;
using Azure;
using Azure.Messaging.ServiceBus;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AlertProbe.Core.Intake;

/// <summary>
/// Handles one message from the <c>alerts</c> queue and says how to settle it (see the settlement table
/// in docs/architecture.md). Shared by the <c>AlertIntake</c> function and the CLI's in-process run.
/// </summary>
/// <remarks>
/// A message may hold many alerts and so many tests. Tests are done in priority order; each is recorded
/// in the ledger as it goes, so when the message comes back (rescheduled for the rate budget, redelivered
/// after a failure, or resubmitted from the dead-letter queue after a fix) only what is left is done.
/// If any plan of an otherwise good message is refused, the message is dead-lettered with that reason
/// after the others were created: a human sees what was refused, and resubmitting never doubles a test.
/// </remarks>
public sealed partial class AlertIntakeHandler(
    IntakePlanner planner,
    InstantTestCreator creator,
    ILedger ledger,
    AlertQueueScheduler scheduler,
    IOptions<MessagingOptions> messaging,
    IOptions<IntakeOptions> intakeOptions,
    TimeProvider timeProvider,
    ILogger<AlertIntakeHandler> logger)
{
    public async Task<IntakeOutcome> HandleAsync(ServiceBusReceivedMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var originalMessageId = AlertQueueScheduler.OriginalMessageIdOf(message);
        var correlationId = string.IsNullOrEmpty(message.CorrelationId) ? originalMessageId : message.CorrelationId;
        var enqueuedAt = AlertQueueScheduler.FirstEnqueuedAtOf(message);
        var hints = new PayloadHints
        {
            Source = message.ApplicationProperties.TryGetValue(MessageProperties.Source, out var source)
                ? Convert.ToString(source, CultureInfo.InvariantCulture)
                : null,
            ContentType = message.ContentType,
            MessageId = originalMessageId,
            EnqueuedTime = enqueuedAt ?? message.EnqueuedTime,
        };

        var plan = planner.Plan(message.Body.ToMemory(), hints);
        if (plan.PayloadRejection is { } refused)
        {
            return IntakeOutcome.DeadLettered.From(refused);
        }

        Log.Planned(logger, originalMessageId, plan.Format, plan.Alerts.Count, plan.Tests.Count, plan.Rejections.Count, correlationId);
        var context = new IntakeContext
        {
            OriginalMessageId = originalMessageId,
            CorrelationId = correlationId,
            EnqueuedAt = enqueuedAt,
            Alerts = plan.Alerts,
            BudgetBooking = BudgetBookingOf(message),
            IsLastDelivery = message.DeliveryCount >= messaging.Value.AlertsMaxDeliveryCount,
            Carried = CarriedCreation.Read(message.ApplicationProperties),
        };
        var rejections = new List<Rejection>(plan.Rejections);
        AlertProbeTelemetry.RecordRefused(plan.Rejections);
        var done = new List<string>();
        try
        {
            foreach (var resolved in plan.Alerts.Where(a => a.Status == AlertStatus.Resolved))
            {
                await ledger.RecordAlertResolvedAsync(resolved.Source, resolved.Id, resolved.EndedAt ?? message.EnqueuedTime, cancellationToken).ConfigureAwait(false);
            }

            foreach (var test in plan.Tests)
            {
                var result = await IntakeTelemetry.TraceCreateAsync(test, ct => creator.CreateAsync(test, context, ct), cancellationToken).ConfigureAwait(false);
                switch (result)
                {
                    case PlanResult.Created created:
                        done.Add(created.Republished ? $"republished {created.TestId}" : $"created {created.TestId}");

                        // A booked slot is this copy's one call; the message's other plans queue like anyone else. A carried test
                        // (if this was it) is settled.
                        context = context with { BudgetBooking = null, Carried = context.Carried?.PlanKey == test.PlanKey ? null : context.Carried };
                        break;
                    case PlanResult.AlreadyDone already:
                        done.Add($"already created {already.TestId}");
                        break;
                    case PlanResult.Coalesced coalesced:
                        done.Add(coalesced.TestId is { } testId ? $"coalesced onto {testId}" : $"coalesced onto the pending test for {coalesced.Key}");
                        break;
                    case PlanResult.Rejected rejected:
                        rejections.Add(WithRiders(rejected));
                        break;
                    case PlanResult.NotYet notYet:
                        // The rest of this message waits too: the copy comes back whole, and the ledger skips what is done.
                        ScheduledAlert scheduled;
                        try
                        {
                            scheduled = await scheduler.ScheduleAsync(message, notYet.At, notYet.Reason, notYet.BudgetBooking, cancellationToken).ConfigureAwait(false);
                        }
                        catch (ServiceBusException exception) when (context.IsLastDelivery)
                        {
                            // Thrown on the last delivery, the broker would dead-letter the message with no word of the alerts
                            // waiting on this plan's claim: give the claim up and dead-letter the message naming them.
                            var givenUp = await creator.GiveUpAsync(test, context, new Rejection(
                                RejectionReasons.DeliveriesExhausted,
                                $"the {test.Plan.TestType} test for {test.Plan.Target} (rule '{test.Plan.Rule}') was waiting ({notYet.Reason}) but its copy could not be scheduled on the message's last delivery: {exception.Reason}"),
                                cancellationToken).ConfigureAwait(false);
                            rejections.Add(WithRiders(givenUp));
                            return DeadLetter(rejections, done);
                        }

                        return new IntakeOutcome.Rescheduled(scheduled.EnqueueAt, $"{notYet.Reason}; {Summary(done)}");
                    case PlanResult.CreatedUnsettled unsettled:
                        // Only this delivery knows the test: its copy carries it and settles it; nothing is created again.
                        var retryAt = timeProvider.GetUtcNow() + StorageBackOff.First;
                        try
                        {
                            var copy = await scheduler.ScheduleAsync(message, retryAt, "CreatedUnsettled", new CopyStamp { CarriedCreation = unsettled.Carried.ToJson() }, cancellationToken).ConfigureAwait(false);
                            return new IntakeOutcome.Rescheduled(copy.EnqueueAt, $"{unsettled.Reason}; its copy settles it; {Summary(done)}");
                        }
                        catch (ServiceBusException)
                        {
                            var lastResort = await creator.PublishUnsettledAsync(unsettled.Carried, test, context, cancellationToken).ConfigureAwait(false);
                            if (lastResort is PlanResult.Created published)
                            {
                                done.Add($"created {published.TestId} (published without the alerts coalesced onto it while storage failed)");
                                context = context with { Carried = null };
                                break;
                            }

                            throw;
                        }

                    case PlanResult.Failed failed:
                        return new IntakeOutcome.Abandoned($"{failed.Error}; {Summary(done)}");
                }
            }
        }
        catch (RequestFailedException exception) when (StorageBackOff.IsUnavailable(exception))
        {
            // Abandoned, the message would come back at once and be dead-lettered after MaxDeliveryCount tries inside an
            // outage (the fault matrix's outage row): a copy backs off instead, and the ledger skips what is done.
            return await BackOffAsync(message, context, exception, cancellationToken).ConfigureAwait(false);
        }

        if (rejections.Count > 0)
        {
            return DeadLetter(rejections, done);
        }

        if (plan.Tests.Count == 0)
        {
            var why = plan.Notes.Count > 0 ? string.Join("; ", plan.Notes) : "nothing to test";
            return new IntakeOutcome.Completed($"no test to run: {why}");
        }

        return new IntakeOutcome.Completed(Summary(done));
    }

    private async Task<IntakeOutcome> BackOffAsync(ServiceBusReceivedMessage message, IntakeContext context, RequestFailedException exception, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var since = MessageProperties.ReadTime(message.ApplicationProperties, MessageProperties.StorageFailingSince) ?? now;
        var failingFor = now - since;
        var error = $"HTTP {exception.Status}{(string.IsNullOrEmpty(exception.ErrorCode) ? "" : " " + exception.ErrorCode)}";
        Log.StorageUnavailable(logger, exception, context.OriginalMessageId, error, since, context.CorrelationId);
        if (failingFor >= intakeOptions.Value.StorageRetryFor && context.Carried is null)
        {
            return new IntakeOutcome.DeadLettered(
                RejectionReasons.StorageUnavailable,
                $"storage has failed this message's handling since {since:O} ({error}), longer than Intake:StorageRetryFor ({intakeOptions.Value.StorageRetryFor}); resubmit it once storage is back: what was done is skipped");
        }

        // A carried test is never given up: its copy is the only place its id lives.
        var at = now + StorageBackOff.After(failingFor);
        var copy = await scheduler.ScheduleAsync(message, at, "StorageUnavailable", new CopyStamp
        {
            BudgetBooking = context.BudgetBooking,
            StorageFailingSince = since,
            CarriedCreation = context.Carried?.ToJson(),
        }, cancellationToken).ConfigureAwait(false);
        return new IntakeOutcome.Rescheduled(copy.EnqueueAt, $"storage unavailable ({error}) since {since:O}; retrying");
    }

    private static IntakeOutcome.DeadLettered DeadLetter(List<Rejection> rejections, List<string> done)
    {
        var first = rejections[0];
        var description = rejections.Count == 1
            ? first.Description
            : $"{first.Description} (and {rejections.Count - 1} more: {string.Join("; ", rejections.Skip(1).Select(r => r.ToString()))})";
        return new IntakeOutcome.DeadLettered(first.Reason, done.Count == 0 ? description : $"{description}. Also: {Summary(done)}");
    }

    /// <summary>The rejection, naming the alerts of other messages that were refused with it (they rode on its claim).</summary>
    private static Rejection WithRiders(PlanResult.Rejected rejected) => rejected.Attached.Count == 0
        ? rejected.Rejection
        : rejected.Rejection with
        {
            Description = $"{rejected.Rejection.Description} (refused with it: {rejected.Attached.Count} alert(s) of other messages coalesced onto this test while it was pending: " +
                $"{string.Join(", ", rejected.Attached.Select(a => $"{a.AlertId} in {a.OriginalMessageId}"))})",
        };

    private static DateTimeOffset? BudgetBookingOf(ServiceBusReceivedMessage message) =>
        message.ApplicationProperties.TryGetValue(MessageProperties.BudgetBooking, out var value)
        && DateTimeOffset.TryParse(Convert.ToString(value, CultureInfo.InvariantCulture), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var booking)
            ? booking
            : null;

    private static string Summary(List<string> done) => done.Count == 0 ? "no test created yet" : string.Join(", ", done);

    private static partial class Log
    {
        [LoggerMessage(EventId = 313, Level = LogLevel.Warning, Message = "Storage failed handling message {MessageId} ({Error}, failing since {FailingSince:o}); rescheduling it with back-off (correlation {CorrelationId})")]
        public static partial void StorageUnavailable(ILogger logger, Exception exception, string messageId, string error, DateTimeOffset failingSince, string correlationId);

        [LoggerMessage(EventId = 310, Level = LogLevel.Information, Message = "Message {MessageId}: {Format} payload with {AlertCount} alert(s) planned {TestCount} test(s), {RejectionCount} refused (correlation {CorrelationId})")]
        public static partial void Planned(ILogger logger, string messageId, AlertSource? format, int alertCount, int testCount, int rejectionCount, string correlationId);
    }
}
