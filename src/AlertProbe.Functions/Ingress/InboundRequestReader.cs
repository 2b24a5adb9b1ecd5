using System.Diagnostics;
using AlertProbe.Core.Ingress;
using Microsoft.AspNetCore.Http;

namespace AlertProbe.Functions.Ingress;

/// <summary>Reads an HTTP request's body once, never more than the limit, for signature checks and forwarding.</summary>
internal static class InboundRequestReader
{
    /// <returns>The request, or null when the body is larger than <paramref name="maxBytes"/>.</returns>
    public static async Task<InboundRequest?> ReadAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes)
        {
            return null;
        }

        // One byte over the limit is enough to know the body is too large, whatever Content-Length claimed.
        var buffer = new byte[Math.Min(maxBytes + 1, request.ContentLength is { } length ? (int)length + 1 : 16 * 1024)];
        var total = 0;
        while (true)
        {
            if (total == buffer.Length)
            {
                if (buffer.Length > maxBytes)
                {
                    return null;
                }

                Array.Resize(ref buffer, Math.Min(buffer.Length * 2, maxBytes + 1));
            }

            var read = await request.Body.ReadAsync(buffer.AsMemory(total), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }

            total += read;
        }

        if (total > maxBytes)
        {
            return null;
        }

        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in request.Headers)
        {
            headers[header.Key] = header.Value.ToString();
        }

        return new InboundRequest
        {
            Body = buffer.AsMemory(0, total),
            ContentType = request.ContentType,
            Headers = headers,
            CorrelationId = Activity.Current?.TraceId.ToString() ?? request.HttpContext.TraceIdentifier,
        };
    }
}
