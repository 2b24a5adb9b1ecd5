using System.Security.Cryptography;

namespace AlertProbe.Core.Ingress;

/// <summary>
/// Service Bus message ids for ingress messages. A retried delivery must get the same id as the first attempt, so
/// duplicate detection on the <c>alerts</c> queue drops it: the sender's delivery id when it has one (PagerDuty
/// <c>X-Webhook-Id</c>, Slack <c>trigger_id</c>, Teams activity id), else a hash of the body.
/// </summary>
public static class QueueMessageId
{
    /// <summary>Service Bus allows 128 characters.</summary>
    private const int MaxDeliveryIdLength = 100;

    public static string For(string? source, string? deliveryId, ReadOnlySpan<byte> body)
    {
        var prefix = string.IsNullOrEmpty(source) ? "auto" : source;
        if (!string.IsNullOrWhiteSpace(deliveryId) && deliveryId.Length <= MaxDeliveryIdLength && IsPrintableAscii(deliveryId))
        {
            return $"{prefix}:{deliveryId}";
        }

        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        if (!string.IsNullOrWhiteSpace(deliveryId))
        {
            SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(deliveryId), hash);
            return $"{prefix}:id-sha256:{Convert.ToHexStringLower(hash)}";
        }

        SHA256.HashData(body, hash);
        return $"{prefix}:body-sha256:{Convert.ToHexStringLower(hash)}";
    }

    private static bool IsPrintableAscii(string value)
    {
        foreach (var c in value)
        {
            if (c is < '!' or > '~')
            {
                return false;
            }
        }

        return true;
    }
}
