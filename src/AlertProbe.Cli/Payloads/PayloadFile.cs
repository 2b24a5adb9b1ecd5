using AlertProbe.Core.Alerts;
using AlertProbe.Core.Ingress;

namespace AlertProbe.Cli.Payloads;

/// <summary>
/// A payload file as the CLI hands it to the intake: the bytes unchanged, and the message it becomes on the
/// <c>alerts</c> queue (content type, <c>source</c> hint, a message id that is a hash of the body, as the webhook
/// ingress makes it), so <c>map</c>, <c>run</c> and <c>send</c> see the same alert ids.
/// </summary>
internal sealed record PayloadFile
{
    public const string JsonContentType = "application/json";

    public required string Path { get; init; }

    /// <summary>The path as the user wrote it (for messages and reports).</summary>
    public required string DisplayName { get; init; }

    public required ReadOnlyMemory<byte> Body { get; init; }

    /// <summary>Reads the file; null with <paramref name="error"/> set when it cannot be read (a usage error).</summary>
    public static PayloadFile? Read(CliContext context, string path, out string? error)
    {
        ArgumentNullException.ThrowIfNull(context);
        var full = context.ResolvePath(path);
        error = null;
        if (!File.Exists(full))
        {
            error = Directory.Exists(full) ? $"{path} is a directory, not a payload file." : $"payload file not found: {path}";
            return null;
        }

        try
        {
            return new PayloadFile { Path = full, DisplayName = path, Body = File.ReadAllBytes(full) };
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            error = $"cannot read {path}: {exception.Message}";
            return null;
        }
    }

    /// <summary>The <c>alerts</c> queue message for this payload; <paramref name="source"/> null or "auto" lets the intake detect the format.</summary>
    public AlertQueueMessage ToQueueMessage(string? source)
    {
        var hint = string.IsNullOrWhiteSpace(source) || string.Equals(source, "auto", StringComparison.OrdinalIgnoreCase) ? null : source;
        var messageId = QueueMessageId.For(hint, deliveryId: null, Body.Span);
        return new AlertQueueMessage
        {
            Body = Body,
            ContentType = JsonContentType,
            Source = hint,
            MessageId = messageId,
            CorrelationId = messageId,
        };
    }

    /// <summary>The hints the intake derives from that message (for the dry run, which has no message).</summary>
    public PayloadHints ToHints(string? source)
    {
        var message = ToQueueMessage(source);
        return new PayloadHints { Source = message.Source, ContentType = message.ContentType, MessageId = message.MessageId };
    }
}
