using System.Text.Json;
using AlertProbe.Core.Alerts;
using AlertProbe.Core.Alerts.Reading;
using AlertProbe.Core.Ingress.Signatures;
using AlertProbe.Core.Policy;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AlertProbe.Core.Ingress;

/// <summary>
/// Alert webhooks (<c>POST /api/alerts/{source?}</c>): finds which sources the body is content of — the route's, and
/// whatever the intake's own parser detects in it — verifies the signature of every one of them that is signed, then
/// queues the body unchanged. So a PagerDuty or Grafana body cannot skip its signature by arriving on another route.
/// A manual request (or a reply address) the address policies refuse is answered 422 naming the field and not queued
/// (<see cref="ManualRequestPolicy"/>). The rest of parsing is the intake's job: answering fast keeps senders from timing out and retrying (Azure Monitor
/// skips an endpoint for 15 minutes after failed retries).
/// </summary>
public sealed class AlertWebhookHandler(
    AlertQueueSender queue,
    SigningSecretStore secrets,
    PagerDutySignatureVerifier pagerDutyVerifier,
    GrafanaSignatureVerifier grafanaVerifier,
    AlertPayloadParser parser,
    ManualRequestPolicy policy,
    TimeProvider timeProvider,
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

        var contentType = string.IsNullOrWhiteSpace(request.ContentType) ? DefaultContentType : request.ContentType;
        // As the intake will read it: the route is its format hint.
        var asRouted = parser.Parse(request.Body, new PayloadHints { Source = source, ContentType = contentType });
        foreach (var signedSource in SignedSourcesOf(source, asRouted, request.Body, contentType, settings))
        {
            var refusal = await CheckSignatureAsync(signedSource, request, settings, cancellationToken).ConfigureAwait(false);
            if (refusal is not null)
            {
                return refusal;
            }
        }

        // Only after authentication, so an unsigned caller learns nothing about the policy.
        if (policy.Check(asRouted) is { } denied)
        {
            Log.ManualRequestRefused(logger, label, denied.Reason, denied.Description);
            return new IngressResult.Refused(IngressRefusal.PolicyDenied, denied.ToString());
        }

        var message = new AlertQueueMessage
        {
            Body = request.Body,
            ContentType = contentType,
            Source = source,
            // Keyed on the body, the signed content: an unsigned header (PagerDuty's X-Webhook-Id) could be changed to
            // slip a replay past duplicate detection. Retries of one delivery carry the same body.
            MessageId = QueueMessageId.For(source, deliveryId: null, request.Body.Span),
            CorrelationId = request.CorrelationId,
        };

        return await queue.SendAsync(message, cancellationToken).ConfigureAwait(false) switch
        {
            QueueSendOutcome.Sent => new IngressResult.Queued(message.MessageId),
            QueueSendOutcome.TooLarge => IngressResult.Refused.Because(IngressRefusal.BodyTooLarge),
            _ => IngressResult.Refused.Because(IngressRefusal.QueueUnavailable),
        };
    }

    /// <summary>
    /// The signed sources whose content this is: the route's, plus every format the intake's parser reads in the body,
    /// with the route's hint and without it (the payload's own format and, inside CloudEvents, its events' data).
    /// </summary>
    private List<string> SignedSourcesOf(string? routeSource, AlertParseResult asRouted, ReadOnlyMemory<byte> body, string contentType, IngressOptions settings)
    {
        var sources = new HashSet<string>(StringComparer.Ordinal);
        if (routeSource is not null)
        {
            sources.Add(routeSource);
        }

        // As routed, and as detected from the content alone: a Grafana body is also a valid Alertmanager body, so on
        // the alertmanager route it would otherwise be read (and acted on) without its signature.
        var readings = new List<AlertParseResult> { asRouted };
        if (routeSource is not null)
        {
            readings.Add(parser.Parse(body, new PayloadHints { ContentType = contentType }));
        }

        foreach (var format in readings.SelectMany(parsed => parsed.Alerts.Select(alert => alert.Source).Append(parsed.Format ?? AlertSource.Manual)))
        {
            switch (format)
            {
                case AlertSource.PagerDuty:
                    sources.Add(IngressSources.PagerDuty);
                    break;
                case AlertSource.Grafana:
                    sources.Add(IngressSources.Grafana);
                    break;
            }
        }

        return [.. sources.Where(name => OptionsOf(name, settings)?.IsSigned == true).Order(StringComparer.Ordinal)];
    }

    private static SignedSourceOptions? OptionsOf(string source, IngressOptions settings) => source switch
    {
        IngressSources.PagerDuty => settings.PagerDuty,
        IngressSources.Grafana => settings.Grafana,
        _ => null,
    };

    /// <returns>A refusal, or null when the request is correctly signed for <paramref name="source"/>.</returns>
    private async Task<IngressResult?> CheckSignatureAsync(string source, InboundRequest request, IngressOptions settings, CancellationToken cancellationToken)
    {
        var lookup = await secrets.GetAsync(OptionsOf(source, settings)!, cancellationToken).ConfigureAwait(false);
        if (lookup.Status is SigningSecretStatus.Missing or SigningSecretStatus.NotConfigured)
        {
            return Refuse(source, IngressRefusal.SecretMissing);
        }

        if (lookup.Status == SigningSecretStatus.Unavailable || lookup.Secret is null)
        {
            return Refuse(source, IngressRefusal.SecretUnavailable);
        }

        var status = source == IngressSources.PagerDuty
            ? CheckPagerDuty(request, lookup.Secret, settings.PagerDuty)
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

        Log.SignatureRefused(logger, source, status);
        return IngressResult.Refused.Because(IngressRefusals.From(status));
    }

    private SignatureStatus CheckPagerDuty(InboundRequest request, string secret, PagerDutyIngressOptions settings)
    {
        var status = pagerDutyVerifier.Verify(request.Body.Span, request.Header(PagerDutySignatureVerifier.SignatureHeader), secret);
        if (status != SignatureStatus.Valid)
        {
            return status;
        }

        // Only after the MAC: the signed event time is the replay window PagerDuty offers (it sends no signed header).
        var occurredAt = ReadOccurredAt(request.Body);
        if (occurredAt is null)
        {
            Log.SignedTimestampStale(logger, IngressSources.PagerDuty, "event.occurred_at (absent or unreadable)", TimeSpan.Zero, settings.MaxEventAge);
            return SignatureStatus.Expired;
        }

        var age = timeProvider.GetUtcNow() - occurredAt.Value;
        if (age > settings.MaxEventAge || -age > settings.MaxClockSkew)
        {
            Log.SignedTimestampStale(logger, IngressSources.PagerDuty, "event.occurred_at", age, settings.MaxEventAge);
            return SignatureStatus.Expired;
        }

        return SignatureStatus.Valid;
    }

    private static DateTimeOffset? ReadOccurredAt(ReadOnlyMemory<byte> body)
    {
        try
        {
            using var document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = AlertPayloadParser.MaxNestingDepth });
            return JsonStringScanner.FindUnreadableString(body.Span, AlertPayloadParser.MaxNestingDepth) is null
                ? document.RootElement.ReadObject("event")?.ReadTimestamp("occurred_at")
                : null;
        }
        catch (Exception exception) when (exception is JsonException or ArgumentException)
        {
            return null;
        }
    }

    private IngressResult.Refused Refuse(string source, IngressRefusal refusal)
    {
        Log.Refused(logger, source, refusal);
        return IngressResult.Refused.Because(refusal);
    }
}
