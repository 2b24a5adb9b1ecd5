namespace AlertProbe.Core.Ingress;

/// <summary>One message for the <c>alerts</c> queue: the body exactly as it should reach the intake.</summary>
public sealed record AlertQueueMessage
{
    public required ReadOnlyMemory<byte> Body { get; init; }

    public required string ContentType { get; init; }

    /// <summary>The <c>source</c> application property (see <see cref="IngressSources"/>); null lets the intake detect the format.</summary>
    public string? Source { get; init; }

    /// <summary>The <c>origin</c> application property: who asked when the body is a manual request ("slack", "teams").</summary>
    public string? Origin { get; init; }

    /// <summary>Stable across retried deliveries, so Service Bus duplicate detection drops the repeats (see <see cref="QueueMessageId"/>).</summary>
    public required string MessageId { get; init; }

    public required string CorrelationId { get; init; }
}
