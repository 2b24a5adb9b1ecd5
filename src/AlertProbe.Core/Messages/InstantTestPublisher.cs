using AlertProbe.Core.Diagnostics;
using Azure.Messaging.ServiceBus;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AlertProbe.Core.Messages;

/// <summary>
/// Publishes the contracts on their topics. Message ids are derived from test id + run, so publishing the same
/// run twice (a redelivered alert republishing from the ledger) is dropped by the topic's duplicate detection.
/// Transient Service Bus failures surface as <see cref="ServiceBusException"/> after the client's own retries.
/// </summary>
public sealed partial class InstantTestPublisher
{
    private readonly ServiceBusSender _createdSender;
    private readonly ServiceBusSender _resultsSender;
    private readonly ILogger<InstantTestPublisher> _logger;

    public InstantTestPublisher(ServiceBusClient client, IOptions<MessagingOptions> options, ILogger<InstantTestPublisher> logger)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        _createdSender = client.CreateSender(options.Value.InstantTestsTopicName);
        _resultsSender = client.CreateSender(options.Value.TestResultsTopicName);
        _logger = logger;
    }

    public async Task PublishCreatedAsync(InstantTestCreated created, CancellationToken cancellationToken)
    {
        var message = MessageEnvelope.ToServiceBusMessage(created);
        await _createdSender.SendMessageAsync(message, cancellationToken).ConfigureAwait(false);
        Log.CreatedPublished(_logger, created.TestId, created.Run, message.MessageId, created.Trigger.CorrelationId, _createdSender.EntityPath);
    }

    public async Task PublishResultsAsync(InstantTestResults results, CancellationToken cancellationToken)
    {
        var message = MessageEnvelope.ToServiceBusMessage(results);
        await _resultsSender.SendMessageAsync(message, cancellationToken).ConfigureAwait(false);
        AlertProbeTelemetry.RecordVerdict(results, MessageTraceContext.AlertReceivedAt);
        Log.ResultsPublished(_logger, results.TestId, results.Run, results.Verdict, message.MessageId, results.Trigger.CorrelationId, _resultsSender.EntityPath);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 3001, Level = LogLevel.Information,
            Message = "Published InstantTestCreated for test {TestId} run {Run} as {MessageId} (correlation {CorrelationId}) on {Topic}")]
        public static partial void CreatedPublished(ILogger logger, string testId, int run, string messageId, string correlationId, string topic);

        [LoggerMessage(EventId = 3002, Level = LogLevel.Information,
            Message = "Published InstantTestResults for test {TestId} run {Run}, verdict {Verdict}, as {MessageId} (correlation {CorrelationId}) on {Topic}")]
        public static partial void ResultsPublished(ILogger logger, string testId, int run, TestVerdict verdict, string messageId, string correlationId, string topic);
    }
}
