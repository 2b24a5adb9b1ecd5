using AlertProbe.Core.FollowUp.Collection;
using AlertProbe.Core.FollowUp.Reruns;
using AlertProbe.Core.Intake;
using AlertProbe.Core.Messages;
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
    ILogger<InProcessDispatcher> logger)
{
    /// <summary>As deployed (infra maxDeliveryCount).</summary>
    public const int MaxDeliveryCount = 10;

    private readonly List<Delivery> _deliveries = [];
    private readonly Queue<(string Handler, BusMessage Message, int DeliveryCount)> _redeliveries = new();

    /// <summary>Called after every settlement (progress display).</summary>
    public Action<Delivery>? Settled { get; init; }

    public IReadOnlyList<Delivery> Deliveries => _deliveries;

    /// <summary>
    /// Runs until nothing is pending (true), or until <paramref name="timeout"/> of real time passes (false). The
    /// deadline bounds everything, a handler's HTTP calls and their retries included: when it passes, the delivery in
    /// progress is cancelled and stays unsettled (pending), as when a Functions host stops mid-message.
    /// </summary>
    public async Task<bool> RunUntilIdleAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = new CancellationTokenSource(timeout, TimeProvider.System);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        try
        {
            return await RunAsync(timeout, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    private async Task<bool> RunAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var started = TimeProvider.System.GetTimestamp();
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
                    var handler = subscription == names.CollectSubscriptionName ? Delivery.Collect : Delivery.Rerun;
                    await DeliverAsync(handler, published, 1, cancellationToken).ConfigureAwait(false);
                }

                continue;
            }

            var next = Earliest(bus.NextDueAt(names.AlertsQueueName), bus.NextDueAt(names.InstantTestsTopicName));
            if (next is not { } due)
            {
                return true;
            }

            var left = timeout - TimeProvider.System.GetElapsedTime(started);
            if (skippingClock is not null)
            {
                if (left <= TimeSpan.Zero)
                {
                    return false;
                }

                var skipped = due - clock.GetUtcNow();
                Log.Skipping(logger, skipped);
                skippingClock.SkipTo(due);
                continue;
            }

            var wait = due - clock.GetUtcNow();
            if (wait > left)
            {
                // Due after the deadline: waiting for it could only end in the timeout.
                return false;
            }

            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, clock, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task DeliverAsync(string handler, BusMessage message, int deliveryCount, CancellationToken cancellationToken)
    {
        var received = message.ToReceivedMessage(deliveryCount);
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
            outcome = new IntakeOutcome.Abandoned($"{exception.GetType().Name}: {exception.Message}");
        }

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

        var delivery = new Delivery(handler, message, deliveryCount, outcome, clock.GetUtcNow());
        _deliveries.Add(delivery);
        Settled?.Invoke(delivery);
    }

    private static DateTimeOffset? Earliest(DateTimeOffset? left, DateTimeOffset? right) =>
        left is null ? right : right is null ? left : left < right ? left : right;

    private static partial class Log
    {
        [LoggerMessage(EventId = 9001, Level = LogLevel.Debug, Message = "Nothing due: skipping {Wait} of waiting on the embedded run's clock")]
        public static partial void Skipping(ILogger logger, TimeSpan wait);

        [LoggerMessage(EventId = 9002, Level = LogLevel.Error, Message = "The {Handler} handler threw for message {MessageId}; abandoning it")]
        public static partial void HandlerThrew(ILogger logger, Exception exception, string handler, string messageId);
    }
}
