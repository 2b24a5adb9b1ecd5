namespace AlertProbe.Core.Alerts;

/// <summary>
/// What the transport knows about a payload besides its bytes. All optional: the format is detected from
/// the content when no hint is given.
/// </summary>
public sealed record PayloadHints
{
    public static PayloadHints None { get; } = new();

    /// <summary>
    /// The <c>source</c> application property (or the webhook route): names a format and forces its parser,
    /// e.g. "alertmanager", "azure-monitor", "manual". Empty or "auto" detects by content.
    /// </summary>
    public string? Source { get; init; }

    /// <summary>The content type, e.g. <c>application/cloudevents+json</c>.</summary>
    public string? ContentType { get; init; }

    /// <summary>The Service Bus message id (or webhook delivery id): manual requests take their alert id from it.</summary>
    public string? MessageId { get; init; }

    public DateTimeOffset? EnqueuedTime { get; init; }

    /// <summary>How many envelopes (CloudEvents) the current payload was found inside.</summary>
    internal int EnvelopeDepth { get; init; }
}
