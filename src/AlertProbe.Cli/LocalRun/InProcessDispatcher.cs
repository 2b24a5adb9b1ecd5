using AlertProbe.Cli.Hosting;
using AlertProbe.Core.Diagnostics;
using AlertProbe.Core.FollowUp.Collection;
using AlertProbe.Core.FollowUp.Reruns;
using AlertProbe.Core.Intake;
using AlertProbe.Core.Messages;
using AlertProbe.Core.Outcomes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AlertProbe.Cli.LocalRun;

/// <summary>
/// The Functions runtime of the in-process run: takes due messages from the <see cref="InMemoryMessageBus"/> and hands
/// them to the same handlers the triggers call (<c>alerts</c> → <see cref="AlertIntakeHandler"/>; <c>instant-tests</c>
/// → <see cref="CollectResultsHandler"/> and/or <see cref="RerunTestsHandler"/> by <see cref="SubscriptionFilter"/>),
/// then settles as Service Bus would: an abandoned message is delivered again, up to <see cref="MaxDeliveryCount"/>.
/// Scheduled messages wait for their time: in real time, or by moving a <see cref="SkippingClock"/>.
/// </summary>
internal sealed partial class InProcessDispatcher(
    InMemoryMessageBus bus,
    MessagingOptions names,
    IServiceProvider services,
    TimeProvider clock,
    SkippingClock? skippingClock,
    FailureCauses causes,
    ILogger<InProcessDispatcher> logger)
{
    /// <summary>As deployed (infra maxDeliveryCount).</summary>
    public const int MaxDeliveryCount = 10;

    private readonly List<Delivery> _deliveries = [];
    private readonly Queue<(string Handler, BusMessage Message, int DeliveryCount)> _redeliveries = new();

    /// <summary>Called after every settlement (progress display).</summary>
    public Action<Delivery>? Settled { get; init; }

    /// <summary>Called when a delivery starts and when the run starts waiting in real time (progress display).</summary>
    public Action<RunActivity>? Activity { get; init; }

    public IReadOnlyList<Delivery> Deliveries => _deliveries;

    /// <summary>The delivery that was in progress when the run stopped (timeout or interruption); null when none was.</summary>
    public RunActivity? InFlight { get; private set; }

    /// <summary>
    /// Runs until nothing is pending, until <paramref name="timeout"/> of real time passes, or until
    /// <paramref name="cancellationToken"/> is cancelled (Ctrl+C). The deadline bounds everything, a handler's HTTP
    /// calls and their retries included: when it passes, the delivery in progress is cancelled and stays unsettled
    /// (pending), as when a Functions host stops mid-message.
    /// </summary>
    public async Task<RunEnd> RunUntilIdleAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = new CancellationTokenSource(timeout, TimeProvider.System);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        try
        {
            return await RunAsync(linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return RunEnd.Interrupted;
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            return RunEnd.TimedOut;
        }
    }

    private async Task<RunEnd> RunAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (_redeliveries.TryDequeue(out var again))
            {
                await DeliverAsync(again.Handler, again.Message, again.DeliveryCount, cancellationToken).ConfigureAwait(false);
                continue;
            }

            if (bus.TryTakeDue(names.AlertsQueueName, out var alert))
            {
                await DeliverAsync(Delivery.Intake, alert!, 1, cancellationToken).ConfigureAwait(false);
                continue;
            }

            if (bus.TryTakeDue(names.InstantTestsTopicName, out var published))
            {
                // Each matching subscription gets its own copy, as on a topic.
                foreach (var subscription in SubscriptionFilter.SubscriptionsFor(published!.Message, names))
                {
                    await DeliverAsync(HandlerFor(subscription), published, 1, cancellationToken).ConfigureAwait(false);
                }

                continue;
            }

            if (NextPending() is not { } next)
            {
                return RunEnd.Idle;
            }

            if (skippingClock is not null)
            {
                var skipped = next.Message.DueAt - clock.GetUtcNow();
                Log.Skipping(logger, skipped);
                skippingClock.SkipTo(next.Message.DueAt);
                continue;
            }

            var wait = next.Message.DueAt - clock.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                // Real time (a configured API): say what the run waits for, and until when. The deadline cancels the wait.
                Activity?.Invoke(next with { WaitingUntil = next.Message.DueAt });
                await Task.Delay(wait, clock, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static string SpanFor(string handler) => handler switch
    {
        Delivery.Intake => SpanNames.Intake,
        Delivery.Collect => SpanNames.Collect,
        _ => SpanNames.Rerun,
    };

    private string EntityFor(string handler) => handler switch
    {
        Delivery.Intake => names.AlertsQueueName,
        Delivery.Collect => $"{names.InstantTestsTopicName}/subscriptions/{names.CollectSubscriptionName}",
        _ => $"{names.InstantTestsTopicName}/subscriptions/{names.RerunSubscriptionName}",
    };

    private string HandlerFor(string subscription) => subscription == names.CollectSubscriptionName ? Delivery.Collect : Delivery.Rerun;

    /// <summary>The next message to become due, and the handler it is for.</summary>
    private RunActivity? NextPending()
    {
        var alert = bus.Pending(names.AlertsQueueName).MinBy(m => m.DueAt);
        var published = bus.Pending(names.InstantTestsTopicName).MinBy(m => m.DueAt);
        if (alert is not null && (published is null || alert.DueAt <= published.DueAt))
        {
            return new RunActivity(Delivery.Intake, alert, 0, null);
        }

        if (published is null)
        {
            return null;
        }

        var handler = SubscriptionFilter.SubscriptionsFor(published.Message, names) is [var subscription, ..] ? HandlerFor(subscription) : Delivery.Collect;
        return new RunActivity(handler, published, 0, null);
    }

    private async Task DeliverAsync(string handler, BusMessage message, int deliveryCount, CancellationToken cancellationToken)
    {
        var received = message.ToReceivedMessage(deliveryCount);
        InFlight = new RunActivity(handler, message, deliveryCount, null);
        Activity?.Invoke(InFlight);
        var mark = causes.Mark();
        using var scope = MessageProcessingScope.Start(SpanFor(handler), EntityFor(handler), received);
        IntakeOutcome outcome;
        try
        {
            outcome = handler switch
            {
                Delivery.Intake => await services.GetRequiredService<AlertIntakeHandler>().HandleAsync(received, cancellationToken).ConfigureAwait(false),
                Delivery.Collect => await services.GetRequiredService<CollectResultsHandler>().HandleAsync(received, cancellationToken).ConfigureAwait(false),
                _ => await services.GetRequiredService<RerunTestsHandler>().HandleAsync(received, cancellationToken).ConfigureAwait(false),
            };
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // What the Functions host does with a throwing function: the message is abandoned and comes back.
            Log.HandlerThrew(logger, exception, handler, message.Message.MessageId);
            scope.Failed(exception);
            outcome = new IntakeOutcome.Abandoned($"{exception.GetType().Name}: {ExceptionCause.Describe(exception)}");
        }

        // A handler that noticed the stop itself still leaves its message unsettled, as the host would.
        cancellationToken.ThrowIfCancellationRequested();
        InFlight = null;
        var cause = outcome is IntakeOutcome.Completed or IntakeOutcome.Rescheduled ? null : causes.LatestSince(mark);
        if (outcome is IntakeOutcome.Abandoned abandoned)
        {
            if (deliveryCount < MaxDeliveryCount)
            {
                _redeliveries.Enqueue((handler, message, deliveryCount + 1));
            }
            else
            {
                outcome = new IntakeOutcome.DeadLettered(
                    Delivery.MaxDeliveryCountExceeded, $"abandoned {deliveryCount} times; last error: {abandoned.Error}");
            }
        }

        scope.Settled(handler, outcome);
        var delivery = new Delivery(handler, message, deliveryCount, outcome, clock.GetUtcNow()) { Cause = cause };
        _deliveries.Add(delivery);
        Settled?.Invoke(delivery);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 9001, Level = LogLevel.Debug, Message = "Nothing due: skipping {Wait} of waiting on the embedded run's clock")]
        public static partial void Skipping(ILogger logger, TimeSpan wait);

        [LoggerMessage(EventId = 9002, Level = LogLevel.Error, Message = "The {Handler} handler threw for message {MessageId}; abandoning it")]
        public static partial void HandlerThrew(ILogger logger, Exception exception, string handler, string messageId);
    }
}
