using System.ComponentModel.DataAnnotations;
using AlertProbe.Core.Messages;

namespace AlertProbe.Core.FollowUp.Delivery;

/// <summary>Where and how verdicts are sent back (section <c>FollowUp:Delivery</c>).</summary>
public sealed class VerdictDeliveryOptions
{
    /// <summary>The kind of <see cref="DefaultUrl"/>: used for runs whose message carries no reply address.</summary>
    public ReplyKind? DefaultKind { get; set; }

    /// <summary>
    /// A destination for verdicts nobody asked for back (alerts from monitoring). A capability URL: keep it in Key Vault
    /// or app settings, never in source; it is never logged (only its host).
    /// </summary>
    public Uri? DefaultUrl { get; set; }

    /// <summary>Attempts per run across rescheduled retries before the reply is given up (the published result stays).</summary>
    [Range(1, 20)]
    public int MaxAttempts { get; set; } = 5;

    /// <summary>The wait before a rescheduled delivery attempt.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>In-process HTTP retries of one attempt (5xx, 408, 429, connection failures).</summary>
    [Range(0, 5)]
    public int HttpRetryAttempts { get; set; } = 2;

    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan HttpRetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    [Range(typeof(TimeSpan), "00:00:01", "00:02:00")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Agents listed in a chat reply; the rest are counted (the published result has them all).</summary>
    [Range(1, 100)]
    public int MaxAgentsListed { get; set; } = 10;

    /// <summary>The default destination, when configured.</summary>
    public ReplyAddress? DefaultDestination =>
        DefaultKind is { } kind && DefaultUrl is { } url ? new ReplyAddress { Kind = kind, Url = url } : null;
}
