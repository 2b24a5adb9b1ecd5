using AlertProbe.Core.Ingress.Signatures;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AlertProbe.Core.Ingress;

/// <summary>
/// Alert webhooks (<c>POST /api/alerts/{source?}</c>): checks the source's signature when it has a signing secret,
/// then queues the body unchanged. Parsing is the intake's job: answering fast keeps senders from timing out and
/// retrying (Azure Monitor skips an endpoint for 15 minutes after failed retries).
/// </summary>
public sealed class AlertWebhookHandler(
    AlertQueueSender queue,
    SigningSecretStore secrets,
    PagerDutySignatureVerifier pagerDutyVerifier,
    GrafanaSignatureVerifier grafanaVerifier,
    IOptions<IngressOptions> options,
    ILogger<AlertWebhookHandler> logger)
{
    private const string DefaultContentType = "application/json";

    /// <param name="routeSource">The route's <c>{source}</c> segment; null or empty lets the intake detect the format.</param>
    public async Task<IngressResult> HandleAsync(string? routeSource, InboundRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var settings = options.Value;
        string? source = null;
        if (!string.IsNullOrWhiteSpace(routeSource))
        {
            source = IngressSources.NormalizeWebhook(routeSource);
            if (source is null)
            {
                Log.Refused(logger, "unknown", IngressRefusal.UnknownSource);
                return new IngressResult.Refused(
                    IngressRefusal.UnknownSource,
                    $"Unknown alert source. Use one of: {string.Join(", ", IngressSources.Webhooks)} (or none to detect the format).");
            }
        }

        var label = source ?? "auto";
        if (request.Body.Length > settings.MaxBodyBytes)
        {
            return Refuse(label, IngressRefusal.BodyTooLarge);
        }

        if (request.Body.IsEmpty)
        {
            return Refuse(label, IngressRefusal.InvalidRequest);
        }

        var signature = await CheckSignatureAsync(source, request, settings, cancellationToken).ConfigureAwait(false);
        if (signature is not null)
        {
            return signature;
        }

        var deliveryId = source == IngressSources.PagerDuty ? request.Header(PagerDutySignatureVerifier.WebhookIdHeader) : null;
        var message = new AlertQueueMessage
        {
            Body = request.Body,
            ContentType = string.IsNullOrWhiteSpace(request.ContentType) ? DefaultContentType : request.ContentType,
            Source = source,
            MessageId = QueueMessageId.For(source, deliveryId, request.Body.Span),
            CorrelationId = request.CorrelationId,
        };

        return await queue.SendAsync(message, cancellationToken).ConfigureAwait(false) switch
        {
            QueueSendOutcome.Sent => new IngressResult.Queued(message.MessageId),
            QueueSendOutcome.TooLarge => IngressResult.Refused.Because(IngressRefusal.BodyTooLarge),
            _ => IngressResult.Refused.Because(IngressRefusal.QueueUnavailable),
        };
    }

    /// <returns>A refusal, or null when the request may be queued.</returns>
    private async Task<IngressResult?> CheckSignatureAsync(string? source, InboundRequest request, IngressOptions settings, CancellationToken cancellationToken)
    {
        SignedSourceOptions? signed = source switch
        {
            IngressSources.PagerDuty => settings.PagerDuty,
            IngressSources.Grafana => settings.Grafana,
            _ => null,
        };
        if (signed is null || !signed.HasSigningSecret)
        {
            // Unsigned sources rely on the function key in the URL (AuthorizationLevel.Function).
            return null;
        }

        var lookup = await secrets.GetAsync(signed, cancellationToken).ConfigureAwait(false);
        if (lookup.Status == SigningSecretStatus.Unavailable || lookup.Secret is null)
        {
            return Refuse(source!, IngressRefusal.SecretUnavailable);
        }

        var status = source == IngressSources.PagerDuty
            ? pagerDutyVerifier.Verify(request.Body.Span, request.Header(PagerDutySignatureVerifier.SignatureHeader), lookup.Secret)
            : grafanaVerifier.Verify(
                request.Body.Span,
                request.Header(settings.Grafana.SignatureHeader),
                string.IsNullOrEmpty(settings.Grafana.TimestampHeader) ? null : request.Header(settings.Grafana.TimestampHeader),
                timestampRequired: !string.IsNullOrEmpty(settings.Grafana.TimestampHeader),
                lookup.Secret,
                settings.Grafana.MaxClockSkew);

        if (status == SignatureStatus.Valid)
        {
            return null;
        }

        Log.SignatureRefused(logger, source!, status);
        return IngressResult.Refused.Because(IngressRefusals.From(status));
    }

    private IngressResult.Refused Refuse(string source, IngressRefusal refusal)
    {
        Log.Refused(logger, source, refusal);
        return IngressResult.Refused.Because(refusal);
    }
}
