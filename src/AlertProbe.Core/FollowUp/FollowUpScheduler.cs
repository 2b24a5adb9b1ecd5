using AlertProbe.Core.Messages;
using Azure.Messaging.ServiceBus;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AlertProbe.Core.FollowUp;

/// <summary>
/// Schedules the follow-up's "not yet" messages (re-check results, retry a reply, a rerun falls due) on the
/// <c>instant-tests</c> topic: waiting never holds a function.
/// </summary>
public partial class FollowUpScheduler
{
    private readonly ServiceBusSender _sender = null!;
    private readonly ILogger<FollowUpScheduler> _logger = null!;

    public FollowUpScheduler(ServiceBusClient client, IOptions<MessagingOptions> options, ILogger<FollowUpScheduler> logger)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        _sender = client.CreateSender(options.Value.InstantTestsTopicName);
        _logger = logger;
    }

    /// <summary>For mocking.</summary>
    protected FollowUpScheduler()
    {
    }

    public virtual async Task ScheduleAsync(ServiceBusMessage message, DateTimeOffset enqueueAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        await _sender.ScheduleMessageAsync(message, enqueueAt, cancellationToken).ConfigureAwait(false);
        Log.Scheduled(_logger, message.MessageId, message.Subject, enqueueAt, message.CorrelationId, _sender.EntityPath);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 4001, Level = LogLevel.Information,
            Message = "Scheduled {MessageId} ({Subject}) for {EnqueueAt:o} on {Topic} (correlation {CorrelationId})")]
        public static partial void Scheduled(ILogger logger, string messageId, string? subject, DateTimeOffset enqueueAt, string? correlationId, string topic);
    }
}
