using AlertProbe.Core.Messages;
using Azure.Identity;
using Azure.Messaging.ServiceBus;
using Microsoft.Extensions.Logging;

namespace AlertProbe.Core.Ingress;

/// <summary>
/// Drops ingress messages on the <c>alerts</c> queue. Expected Service Bus failures come back as
/// <see cref="QueueSendOutcome"/> values so the HTTP layer can answer 503 (and the webhook sender retries) instead of
/// acknowledging a message that was never queued.
/// </summary>
public sealed class AlertQueueSender
{
    /// <summary>The application property the intake reads as a format hint.</summary>
    public const string SourceProperty = MessageProperties.Source;

    /// <summary>The application property naming the chat platform a manual request came from.</summary>
    public const string OriginProperty = "origin";

    private readonly ServiceBusSender _sender;
    private readonly ILogger<AlertQueueSender> _logger;

    public AlertQueueSender(ServiceBusSender sender, ILogger<AlertQueueSender> logger)
    {
        _sender = sender;
        _logger = logger;
    }

    public async Task<QueueSendOutcome> SendAsync(AlertQueueMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var serviceBusMessage = new ServiceBusMessage(message.Body)
        {
            MessageId = message.MessageId,
            CorrelationId = message.CorrelationId,
            ContentType = message.ContentType,
        };
        if (!string.IsNullOrEmpty(message.Source))
        {
            serviceBusMessage.ApplicationProperties[SourceProperty] = message.Source;
        }

        if (!string.IsNullOrEmpty(message.Origin))
        {
            serviceBusMessage.ApplicationProperties[OriginProperty] = message.Origin;
        }

        var source = message.Source ?? "auto";
        try
        {
            await _sender.SendMessageAsync(serviceBusMessage, cancellationToken).ConfigureAwait(false);
        }
        catch (ServiceBusException exception) when (exception.Reason == ServiceBusFailureReason.MessageSizeExceeded)
        {
            Log.QueueFailed(_logger, exception, source, message.MessageId, exception.Reason.ToString());
            return QueueSendOutcome.TooLarge;
        }
        catch (ServiceBusException exception)
        {
            Log.QueueFailed(_logger, exception, source, message.MessageId, exception.Reason.ToString());
            return QueueSendOutcome.Unavailable;
        }
        catch (Exception exception) when (exception is UnauthorizedAccessException or AuthenticationFailedException)
        {
            // A missing "Data Sender" role or a broken identity: still not the sender's fault, let it retry.
            Log.QueueFailed(_logger, exception, source, message.MessageId, "access denied");
            return QueueSendOutcome.Unavailable;
        }

        Log.Queued(_logger, source, message.MessageId, message.Body.Length, message.CorrelationId);
        return QueueSendOutcome.Sent;
    }
}
