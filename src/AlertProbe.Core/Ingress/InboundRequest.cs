namespace AlertProbe.Core.Ingress;

/// <summary>An HTTP request as the ingress handlers see it: the raw body (read once, bounded) and the headers.</summary>
public sealed record InboundRequest
{
    /// <summary>The body bytes exactly as received: signatures are computed over them and they are forwarded unchanged.</summary>
    public required ReadOnlyMemory<byte> Body { get; init; }

    public string? ContentType { get; init; }

    /// <summary>Header values by name (case-insensitive); repeated headers joined with ",".</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Ties the queued message to this request in logs (the trace id when there is one).</summary>
    public required string CorrelationId { get; init; }

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
