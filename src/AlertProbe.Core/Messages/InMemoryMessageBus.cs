using Azure.Messaging.ServiceBus;

namespace AlertProbe.Core.Messages;

/// <summary>
/// A Service Bus stand-in inside the process, for the CLI's in-process run and for tests of code that sends.
/// <see cref="Client"/> hands out senders whose sent and scheduled messages land here (thread-safe), so the real
/// <see cref="InstantTestPublisher"/> and <see cref="AlertQueueScheduler"/> run unchanged. Like a Service Bus
/// entity with duplicate detection, a message whose id was already sent to the same entity within
/// <see cref="DuplicateDetectionWindow"/> is dropped (and counted).
/// </summary>
public sealed class InMemoryMessageBus
{
    private readonly Lock _gate = new();

    // Pending messages by sequence number (send order), and per entity a queue by due time then sequence number, so
    // taking the next due message costs O(log n) however many wait. A cancelled message leaves the first; the queue
    // drops it when it reaches the front.
    private readonly SortedDictionary<long, BusMessage> _pending = [];
    private readonly Dictionary<string, PriorityQueue<BusMessage, (DateTimeOffset DueAt, long Sequence)>> _due = new(StringComparer.Ordinal);
    private readonly List<BusMessage> _history = [];
    private readonly Dictionary<(string Entity, string MessageId), DateTimeOffset> _seen = [];
    private readonly TimeProvider _timeProvider;
    private long _sequence;
    private int _duplicates;
    public InMemoryMessageBus(TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        _timeProvider = timeProvider;
        Client = new InMemoryServiceBusClient(this);
    }

    /// <summary>Service Bus's default duplicate detection history window.</summary>
    public TimeSpan DuplicateDetectionWindow { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>A client whose senders deliver to this bus. Receiving is done with <see cref="TryTakeDue"/>.</summary>
    public ServiceBusClient Client { get; }

    /// <summary>How many sends were dropped as duplicates.</summary>
    public int DuplicatesDropped
    {
        get
        {
            lock (_gate)
            {
                return _duplicates;
            }
        }
    }

    /// <summary>Every accepted message still on the bus (not yet taken), in send order.</summary>
    public IReadOnlyList<BusMessage> Pending(string? entityName = null)
    {
        lock (_gate)
        {
            return _pending.Values.Where(m => entityName is null || m.EntityName == entityName).ToList();
        }
    }

    /// <summary>Every message ever accepted (taken or not), in send order.</summary>
    public IReadOnlyList<BusMessage> History(string? entityName = null)
    {
        lock (_gate)
        {
            return _history.Where(m => entityName is null || m.EntityName == entityName).ToList();
        }
    }

    /// <summary>Takes the earliest message of <paramref name="entityName"/> that is due now (scheduled ones only once their time has come).</summary>
    public bool TryTakeDue(string entityName, out BusMessage? message)
    {
        var now = _timeProvider.GetUtcNow();
        lock (_gate)
        {
            message = null;
            if (Front(entityName) is not { } queue || queue.Peek().DueAt > now)
            {
                return false;
            }

            message = queue.Dequeue();
            _pending.Remove(message.SequenceNumber);
            return true;
        }
    }

    /// <summary>When the next message of <paramref name="entityName"/> becomes due, if any is pending.</summary>
    public DateTimeOffset? NextDueAt(string entityName)
    {
        lock (_gate)
        {
            return Front(entityName)?.Peek().DueAt;
        }
    }

    internal long Accept(string entityName, ServiceBusMessage message, DateTimeOffset? scheduledFor)
    {
        ArgumentNullException.ThrowIfNull(message);
        var now = _timeProvider.GetUtcNow();
        lock (_gate)
        {
            var key = (entityName, message.MessageId ?? "");
            if (message.MessageId is not null && _seen.TryGetValue(key, out var seenAt) && now - seenAt < DuplicateDetectionWindow)
            {
                _duplicates++;
                return -1;
            }

            _seen[key] = now;
            var accepted = new BusMessage(entityName, ++_sequence, Clone(message), now, scheduledFor);
            _pending.Add(accepted.SequenceNumber, accepted);
            if (!_due.TryGetValue(entityName, out var queue))
            {
                _due[entityName] = queue = new PriorityQueue<BusMessage, (DateTimeOffset DueAt, long Sequence)>();
            }

            queue.Enqueue(accepted, (accepted.DueAt, accepted.SequenceNumber));
            _history.Add(accepted);
            return accepted.SequenceNumber;
        }
    }

    internal bool Cancel(string entityName, long sequenceNumber)
    {
        lock (_gate)
        {
            return _pending.TryGetValue(sequenceNumber, out var message)
                && message.EntityName == entityName
                && message.ScheduledFor is not null
                && _pending.Remove(sequenceNumber);
        }
    }

    /// <summary>The entity's queue with a live message at its front (cancelled ones dropped), or null when none waits. Under the gate.</summary>
    private PriorityQueue<BusMessage, (DateTimeOffset DueAt, long Sequence)>? Front(string entityName)
    {
        if (!_due.TryGetValue(entityName, out var queue))
        {
            return null;
        }

        while (queue.TryPeek(out var first, out _) && !_pending.ContainsKey(first.SequenceNumber))
        {
            queue.Dequeue();
        }

        return queue.Count > 0 ? queue : null;
    }

    // Senders may reuse or mutate a message after sending; the bus keeps its own copy.
    private static ServiceBusMessage Clone(ServiceBusMessage message)
    {
        var clone = new ServiceBusMessage(message.Body)
        {
            MessageId = message.MessageId,
            CorrelationId = message.CorrelationId,
            ContentType = message.ContentType,
            Subject = message.Subject,
            SessionId = message.SessionId,
            ReplyTo = message.ReplyTo,
            To = message.To,
        };
        if (message.TimeToLive != TimeSpan.MaxValue)
        {
            clone.TimeToLive = message.TimeToLive;
        }

        foreach (var (key, value) in message.ApplicationProperties)
        {
            clone.ApplicationProperties[key] = value;
        }

        return clone;
    }
}
