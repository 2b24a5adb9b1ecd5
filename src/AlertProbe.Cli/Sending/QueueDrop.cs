using AlertProbe.Cli.Payloads;
using AlertProbe.Core.Ingress;
using Azure.Messaging.ServiceBus;
using Microsoft.Extensions.Logging;

namespace AlertProbe.Cli.Sending;

/// <summary>
/// Drops a payload file on an <c>alerts</c> queue as the webhook ingress would: through the ingress's own
/// <see cref="AlertQueueSender"/>, with the message id a hash of the body (so sending the same file twice within the
/// queue's duplicate detection window is one message).
/// </summary>
internal static class QueueDrop
{
    public static async Task<(QueueSendOutcome Outcome, string MessageId)> SendAsync(
        PayloadFile payload, string? source, ServiceBusSender sender, ILogger<AlertQueueSender> logger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var message = payload.ToQueueMessage(source);
        var outcome = await new AlertQueueSender(sender, logger).SendAsync(message, cancellationToken).ConfigureAwait(false);
        return (outcome, message.MessageId);
    }
}
