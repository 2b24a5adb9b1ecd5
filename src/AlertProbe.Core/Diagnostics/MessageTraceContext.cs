using System.Diagnostics;
using System.Globalization;
using AlertProbe.Core.Messages;
using Azure.Messaging.ServiceBus;

namespace AlertProbe.Core.Diagnostics;

/// <summary>
/// W3C trace context in Service Bus application properties (<c>traceparent</c>, <c>tracestate</c>): written on every
/// message the app sends or schedules, read back as the parent of the span that handles it, so one alert is one trace
/// across every function and every scheduled copy. Also carries when the alert reached AlertProbe
/// (<see cref="MessageProperties.AlertReceivedAt"/>), for the alert-to-verdict time.
/// </summary>
public static class MessageTraceContext
{
    private static readonly AsyncLocal<DateTimeOffset?> ReceivedAt = new();

    /// <summary>When the alert being handled on this flow reached AlertProbe; null outside a message's handling.</summary>
    public static DateTimeOffset? AlertReceivedAt
    {
        get => ReceivedAt.Value;
        internal set => ReceivedAt.Value = value;
    }

    /// <summary>
    /// Writes <paramref name="context"/> (the sending span, else the current one) as <c>traceparent</c>/<c>tracestate</c>,
    /// replacing what a copied message carried, and the alert's receipt time when the message has none yet.
    /// </summary>
    public static void Inject(ServiceBusMessage message, Activity? context)
    {
        ArgumentNullException.ThrowIfNull(message);
        var properties = message.ApplicationProperties;
        if (context is { IdFormat: ActivityIdFormat.W3C, Id: { } id })
        {
            properties[MessageProperties.TraceParent] = id;
            if (string.IsNullOrEmpty(context.TraceStateString))
            {
                properties.Remove(MessageProperties.TraceState);
            }
            else
            {
                properties[MessageProperties.TraceState] = context.TraceStateString;
            }
        }

        if (AlertReceivedAt is { } received && !properties.ContainsKey(MessageProperties.AlertReceivedAt))
        {
            properties[MessageProperties.AlertReceivedAt] = received;
        }
    }

    /// <summary>The sender's span context, when the message carries a valid <c>traceparent</c>.</summary>
    public static bool TryExtract(IReadOnlyDictionary<string, object> properties, out ActivityContext context)
    {
        ArgumentNullException.ThrowIfNull(properties);
        context = default;
        if (!properties.TryGetValue(MessageProperties.TraceParent, out var parent) || parent is not string { Length: > 0 } traceParent)
        {
            return false;
        }

        var traceState = properties.TryGetValue(MessageProperties.TraceState, out var state) ? state as string : null;
        return ActivityContext.TryParse(traceParent, traceState, isRemote: true, out context);
    }

    /// <summary>The alert's receipt time a message carries, if any (a DateTimeOffset, DateTime or ISO 8601 string).</summary>
    public static DateTimeOffset? ReadAlertReceivedAt(IReadOnlyDictionary<string, object> properties) =>
        MessageProperties.ReadTime(properties, MessageProperties.AlertReceivedAt);
}
