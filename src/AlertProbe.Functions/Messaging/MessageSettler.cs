using AlertProbe.Core.Diagnostics;
using AlertProbe.Core.Messages;
using AlertProbe.Core.Outcomes;
using Azure.Messaging.ServiceBus;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AlertProbe.Functions.Messaging;

/// <summary>
/// Translates a handler's <see cref="IntakeOutcome"/> into exactly one settlement of the received message.
/// Every Service Bus function runs its handler through <see cref="RunAsync"/>, so no path leaves a message
/// unsettled until its lock expires. It is also where a function's span opens: the message's trace context becomes the
/// parent of the <c>intake</c>/<c>collect</c>/<c>rerun</c> span, and the outcome is recorded on it (and dead-letters counted).
/// </summary>
public sealed partial class MessageSettler(ILogger<MessageSettler> logger, IOptions<MessagingOptions> messaging)
{
    // Service Bus caps the dead-letter description; keep it readable and well inside the limit.
    private const int MaxDescriptionLength = 1024;

    /// <summary>Runs the handler and settles the message as its outcome says.</summary>
    /// <remarks>
    /// An unexpected exception abandons the message (so it is redelivered at once rather than when the lock
    /// expires; <c>MaxDeliveryCount</c> dead-letters it at last) and is rethrown for the host to record.
    /// </remarks>
    public async Task<IntakeOutcome> RunAsync(
        string functionName,
        ServiceBusReceivedMessage message,
        ServiceBusMessageActions actions,
        Func<CancellationToken, Task<IntakeOutcome>> handler,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(actions);
        ArgumentNullException.ThrowIfNull(handler);

        var (operation, entity) = SpanFor(functionName);
        using var scope = MessageProcessingScope.Start(operation, entity, message);
        IntakeOutcome outcome;
        try
        {
            outcome = await handler(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            scope.Failed(exception);
            Log.UnexpectedFailure(logger, exception, functionName, message.MessageId, message.CorrelationId, message.DeliveryCount);
            await actions.AbandonMessageAsync(message, null, CancellationToken.None).ConfigureAwait(false);
            throw;
        }

        scope.Settled(operation, outcome);
        await SettleAsync(functionName, message, actions, outcome, cancellationToken).ConfigureAwait(false);
        return outcome;
    }

    /// <summary>The consumer span's name and the entity the function's trigger reads.</summary>
    private (string Operation, string Entity) SpanFor(string functionName)
    {
        var names = messaging.Value;
        return functionName switch
        {
            "AlertIntake" => (SpanNames.Intake, names.AlertsQueueName),
            "CollectResults" => (SpanNames.Collect, $"{names.InstantTestsTopicName}/subscriptions/{names.CollectSubscriptionName}"),
            "RerunTests" => (SpanNames.Rerun, $"{names.InstantTestsTopicName}/subscriptions/{names.RerunSubscriptionName}"),
            _ => (functionName, functionName),
        };
    }

    public async Task SettleAsync(
        string functionName,
        ServiceBusReceivedMessage message,
        ServiceBusMessageActions actions,
        IntakeOutcome outcome,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(actions);
        ArgumentNullException.ThrowIfNull(outcome);

        switch (outcome)
        {
            case IntakeOutcome.Completed completed:
                Log.Completed(logger, functionName, message.MessageId, message.CorrelationId, completed.Reason);
                await actions.CompleteMessageAsync(message, cancellationToken).ConfigureAwait(false);
                break;

            case IntakeOutcome.Rescheduled rescheduled:
                // The copy is already scheduled: completing the original burns no delivery count.
                Log.Rescheduled(logger, functionName, message.MessageId, message.CorrelationId, rescheduled.At, rescheduled.Reason);
                await actions.CompleteMessageAsync(message, cancellationToken).ConfigureAwait(false);
                break;

            case IntakeOutcome.DeadLettered deadLettered:
                var description = deadLettered.Description.Length <= MaxDescriptionLength
                    ? deadLettered.Description
                    : string.Concat(deadLettered.Description.AsSpan(0, MaxDescriptionLength - 1), "…");
                Log.DeadLettered(logger, functionName, message.MessageId, message.CorrelationId, deadLettered.Reason, description);
                await actions.DeadLetterMessageAsync(message, null, deadLettered.Reason, description, cancellationToken).ConfigureAwait(false);
                break;

            case IntakeOutcome.Abandoned abandoned:
                Log.Abandoned(logger, functionName, message.MessageId, message.CorrelationId, message.DeliveryCount, abandoned.Error);
                await actions.AbandonMessageAsync(message, null, cancellationToken).ConfigureAwait(false);
                break;

            default:
                throw new InvalidOperationException($"Unknown outcome {outcome.GetType().Name}.");
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 100, Level = LogLevel.Information, Message = "{Function} completed message {MessageId} (correlation {CorrelationId}): {Reason}")]
        public static partial void Completed(ILogger logger, string function, string messageId, string? correlationId, string reason);

        [LoggerMessage(EventId = 101, Level = LogLevel.Information, Message = "{Function} rescheduled message {MessageId} (correlation {CorrelationId}) for {ScheduledFor:o}: {Reason}")]
        public static partial void Rescheduled(ILogger logger, string function, string messageId, string? correlationId, DateTimeOffset scheduledFor, string reason);

        [LoggerMessage(EventId = 102, Level = LogLevel.Warning, Message = "{Function} dead-lettered message {MessageId} (correlation {CorrelationId}): {DeadLetterReason}: {DeadLetterDescription}")]
        public static partial void DeadLettered(ILogger logger, string function, string messageId, string? correlationId, string deadLetterReason, string deadLetterDescription);

        [LoggerMessage(EventId = 103, Level = LogLevel.Warning, Message = "{Function} abandoned message {MessageId} (correlation {CorrelationId}, delivery {DeliveryCount}) for redelivery: {Error}")]
        public static partial void Abandoned(ILogger logger, string function, string messageId, string? correlationId, int deliveryCount, string error);

        [LoggerMessage(EventId = 104, Level = LogLevel.Error, Message = "{Function} failed unexpectedly on message {MessageId} (correlation {CorrelationId}, delivery {DeliveryCount}); abandoned for redelivery")]
        public static partial void UnexpectedFailure(ILogger logger, Exception exception, string function, string messageId, string? correlationId, int deliveryCount);
    }
}
