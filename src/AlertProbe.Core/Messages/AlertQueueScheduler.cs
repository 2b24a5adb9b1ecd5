using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Azure.Messaging.ServiceBus;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AlertProbe.Core.Messages;

/// <summary>
/// Puts a copy of a received alert message back on the alerts queue for a later instant ("not yet": rate budget
/// spent, 429), so the original can be completed without burning a delivery. The copy keeps body, content type,
/// correlation id, subject and application properties; its message id is <c>{original}:r{n}</c>, so two
/// instances rescheduling the same delivery produce the same id and the queue's duplicate detection keeps one.
/// </summary>
public sealed partial class AlertQueueScheduler
{
    /// <summary>Service Bus refuses message ids longer than this.</summary>
    private const int MaxMessageIdLength = 128;

    private readonly ServiceBusSender _sender;
    private readonly ILogger<AlertQueueScheduler> _logger;

    public AlertQueueScheduler(ServiceBusClient client, IOptions<MessagingOptions> options, ILogger<AlertQueueScheduler> logger)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        _sender = client.CreateSender(options.Value.AlertsQueueName);
        _logger = logger;
    }

    /// <summary>Schedules the copy for <paramref name="enqueueAt"/>; <paramref name="reason"/> is a short code ("RateLimited").</summary>
    public Task<ScheduledAlert> ScheduleAsync(
        ServiceBusReceivedMessage received,
        DateTimeOffset enqueueAt,
        string reason,
        CancellationToken cancellationToken) =>
        ScheduleAsync(received, enqueueAt, reason, budgetBooking: null, cancellationToken);

    /// <summary>
    /// As <see cref="ScheduleAsync(ServiceBusReceivedMessage, DateTimeOffset, string, CancellationToken)"/>; the copy carries
    /// <paramref name="budgetBooking"/> (the rate-budget window its slot is booked in) so it takes that slot when it comes.
    /// </summary>
    public Task<ScheduledAlert> ScheduleAsync(
        ServiceBusReceivedMessage received,
        DateTimeOffset enqueueAt,
        string reason,
        DateTimeOffset? budgetBooking,
        CancellationToken cancellationToken) =>
        ScheduleAsync(received, enqueueAt, reason, new CopyStamp { BudgetBooking = budgetBooking }, cancellationToken);

    /// <summary>
    /// As <see cref="ScheduleAsync(ServiceBusReceivedMessage, DateTimeOffset, string, CancellationToken)"/>, the copy stamped
    /// with what this delivery hands on to it (<see cref="CopyStamp"/>); what the stamp leaves out is not carried over from
    /// the received message.
    /// </summary>
    public async Task<ScheduledAlert> ScheduleAsync(
        ServiceBusReceivedMessage received,
        DateTimeOffset enqueueAt,
        string reason,
        CopyStamp stamp,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stamp);
        var copy = CreateRescheduledCopy(received, reason);
        Stamp(copy, MessageProperties.BudgetBooking, stamp.BudgetBooking?.ToString("O", CultureInfo.InvariantCulture));
        Stamp(copy, MessageProperties.StorageFailingSince, stamp.StorageFailingSince);
        Stamp(copy, MessageProperties.CarriedCreation, stamp.CarriedCreation);

        var sequenceNumber = await _sender.ScheduleMessageAsync(copy, enqueueAt, cancellationToken).ConfigureAwait(false);
        var count = (int)copy.ApplicationProperties[MessageProperties.RescheduleCount];
        var original = (string)copy.ApplicationProperties[MessageProperties.OriginalMessageId];
        Log.Rescheduled(_logger, original, copy.MessageId, enqueueAt, reason, count, received.CorrelationId);
        return new ScheduledAlert(copy.MessageId, sequenceNumber, enqueueAt, count);

        static void Stamp(ServiceBusMessage copy, string name, object? value)
        {
            if (value is null)
            {
                copy.ApplicationProperties.Remove(name);
            }
            else
            {
                copy.ApplicationProperties[name] = value;
            }
        }
    }

    /// <summary>The copy <see cref="ScheduleAsync"/> sends: same content, the next reschedule id and count.</summary>
    public static ServiceBusMessage CreateRescheduledCopy(ServiceBusReceivedMessage received, string reason)
    {
        ArgumentNullException.ThrowIfNull(received);
        ArgumentException.ThrowIfNullOrEmpty(reason);
        var original = OriginalMessageIdOf(received);
        var count = RescheduleCountOf(received) + 1;

        // The copy constructor takes body, content type, correlation id, subject, TTL and application properties.
        var copy = new ServiceBusMessage(received)
        {
            MessageId = RescheduledMessageId(original, count),
        };
        copy.ApplicationProperties[MessageProperties.OriginalMessageId] = original;
        if (!copy.ApplicationProperties.ContainsKey(MessageProperties.AlertReceivedAt) && received.EnqueuedTime != default)
        {
            // The broker's EnqueuedTime is whole milliseconds, as an AMQP timestamp property is: it round-trips exactly,
            // which the test name (hashing its ticks) needs.
            copy.ApplicationProperties[MessageProperties.AlertReceivedAt] = received.EnqueuedTime;
        }

        copy.ApplicationProperties[MessageProperties.RescheduleCount] = count;
        copy.ApplicationProperties[MessageProperties.RescheduleReason] = reason;
        return copy;
    }

    /// <summary>
    /// The id the alert message had at its first delivery: idempotency and coalescing must key on this, not on
    /// the id of a rescheduled copy.
    /// </summary>
    public static string OriginalMessageIdOf(ServiceBusReceivedMessage received)
    {
        ArgumentNullException.ThrowIfNull(received);
        return received.ApplicationProperties.TryGetValue(MessageProperties.OriginalMessageId, out var value) && value is string { Length: > 0 } id
            ? id
            : received.MessageId;
    }

    /// <summary>
    /// When the alert message first reached the queue: what a rescheduled copy carries, else this delivery's EnqueuedTime
    /// (null when neither is known). The same for the message, its redeliveries and all its copies.
    /// </summary>
    public static DateTimeOffset? FirstEnqueuedAtOf(ServiceBusReceivedMessage received)
    {
        ArgumentNullException.ThrowIfNull(received);
        return MessageProperties.ReadTime(received.ApplicationProperties, MessageProperties.AlertReceivedAt)
            ?? (received.EnqueuedTime == default ? null : received.EnqueuedTime);
    }

    /// <summary>How many times this message has been rescheduled already (0 for an original).</summary>
    public static int RescheduleCountOf(ServiceBusReceivedMessage received)
    {
        ArgumentNullException.ThrowIfNull(received);
        if (!received.ApplicationProperties.TryGetValue(MessageProperties.RescheduleCount, out var value))
        {
            return 0;
        }

        return value switch
        {
            int i => i,
            long l => (int)Math.Clamp(l, 0, int.MaxValue),
            string s when int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) => parsed,
            _ => 0,
        };
    }

    private static string RescheduledMessageId(string original, int count)
    {
        var suffix = string.Create(CultureInfo.InvariantCulture, $":r{count}");
        if (original.Length + suffix.Length <= MaxMessageIdLength)
        {
            return original + suffix;
        }

        // Too long to extend: a digest keeps the id deterministic (duplicate detection still works).
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(original))) + suffix;
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 3010, Level = LogLevel.Information,
            Message = "Rescheduled alert message {OriginalMessageId} as {MessageId} for {EnqueueAt:o} ({Reason}, reschedule {RescheduleCount}, correlation {CorrelationId})")]
        public static partial void Rescheduled(ILogger logger, string originalMessageId, string messageId, DateTimeOffset enqueueAt, string reason, int rescheduleCount, string? correlationId);
    }
}

/// <summary>What a delivery hands on to the copy it schedules (each absent value is removed from the copy).</summary>
public sealed record CopyStamp
{
    /// <summary>The rate-budget window the copy has a slot booked in.</summary>
    public DateTimeOffset? BudgetBooking { get; init; }

    /// <summary>Since when storage has been failing this message (<see cref="MessageProperties.StorageFailingSince"/>).</summary>
    public DateTimeOffset? StorageFailingSince { get; init; }

    /// <summary>A created test the copy must settle (<see cref="MessageProperties.CarriedCreation"/>), as JSON.</summary>
    public string? CarriedCreation { get; init; }
}

/// <summary>A scheduled copy of an alert message: its id, the broker's sequence number (to cancel it) and when it appears.</summary>
public sealed record ScheduledAlert(string MessageId, long SequenceNumber, DateTimeOffset EnqueueAt, int RescheduleCount);
