using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using AlertProbe.Core.Alerts.Formats;
using AlertProbe.Core.Alerts.Reading;
using AlertProbe.Core.Outcomes;

namespace AlertProbe.Core.Alerts;

/// <summary>
/// The one entry point that turns a message or webhook body into alerts: guards (size, UTF-8, JSON,
/// nesting), then format detection (by hint, content type or content), then the format's parser.
/// Never throws for any input; every refusal is a <see cref="Rejection"/> with a stable reason code.
/// </summary>
public sealed class AlertPayloadParser
{
    /// <summary>Azure Monitor's own limit for an alert payload; nothing legitimate here is bigger.</summary>
    public const int MaxPayloadBytes = 256 * 1024;

    public const int MaxNestingDepth = 64;

    /// <summary>CloudEvents inside CloudEvents: more than this many envelopes is refused.</summary>
    internal const int MaxEnvelopeDepth = 3;

    private const string CloudEventsContentType = "application/cloudevents+json";
    private const string CloudEventsBatchContentType = "application/cloudevents-batch+json";

    private static readonly Dictionary<string, AlertSource> SourceNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["manual"] = AlertSource.Manual,
        ["azuremonitor"] = AlertSource.AzureMonitor,
        ["azure-monitor"] = AlertSource.AzureMonitor,
        ["azure"] = AlertSource.AzureMonitor,
        ["alertmanager"] = AlertSource.Alertmanager,
        ["prometheus"] = AlertSource.Alertmanager,
        ["grafana"] = AlertSource.Grafana,
        ["pagerduty"] = AlertSource.PagerDuty,
        ["servicenow"] = AlertSource.ServiceNow,
        ["cloudevents"] = AlertSource.CloudEvents,
    };

    private readonly IReadOnlyList<IAlertFormat> _formats;

    public AlertPayloadParser()
        : this(new AzureMonitorParserOptions())
    {
    }

    public AlertPayloadParser(AzureMonitorParserOptions azureMonitor)
    {
        ArgumentNullException.ThrowIfNull(azureMonitor);
        // Detection order matters only where signatures could overlap: Grafana (orgId) before Alertmanager.
        _formats =
        [
            new AzureMonitorParser(azureMonitor),
            new GrafanaParser(),
            new AlertmanagerParser(),
            new PagerDutyParser(),
            new CloudEventsParser(this),
            new ServiceNowParser(),
            new ManualRequestParser(),
        ];
    }

    /// <summary>A parser over other formats: tests prove with it that a failing format cannot throw out of <see cref="Parse"/>.</summary>
    internal AlertPayloadParser(IReadOnlyList<IAlertFormat> formats)
    {
        _formats = formats;
    }

    /// <summary>The <see cref="PayloadHints.Source"/> values understood, for documentation and error messages.</summary>
    public static IReadOnlyCollection<string> KnownSourceHints => SourceNames.Keys;

    public AlertParseResult Parse(ReadOnlyMemory<byte> body, PayloadHints hints)
    {
        ArgumentNullException.ThrowIfNull(hints);
        return ParseBytes(body, hints);
    }

    /// <summary>The byte-level guards and JSON parse; also used for CloudEvents <c>data_base64</c> and string data.</summary>
    internal AlertParseResult ParseBytes(ReadOnlyMemory<byte> body, PayloadHints hints)
    {
        if (body.Length > MaxPayloadBytes)
        {
            return AlertParseResult.Rejected(
                RejectionReasons.PayloadTooLarge,
                $"The payload is {body.Length} bytes; at most {MaxPayloadBytes} bytes (256 KB) are accepted.");
        }

        var span = body.Span;
        if (span.StartsWith(Encoding.UTF8.Preamble))
        {
            body = body[Encoding.UTF8.Preamble.Length..];
            span = body.Span;
        }

        if (!Utf8.IsValid(span))
        {
            return AlertParseResult.Rejected(
                RejectionReasons.InvalidUtf8,
                $"The payload is not valid UTF-8 (first bad byte at offset {FirstInvalidUtf8Offset(span)}).");
        }

        if (span.Trim(" \t\r\n"u8).IsEmpty)
        {
            return AlertParseResult.Rejected(RejectionReasons.InvalidJson, "The payload is empty; a JSON object was expected.");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = MaxNestingDepth });
        }
        catch (JsonException exception)
        {
            if (JsonNestingScanner.ExceedsDepth(span, MaxNestingDepth))
            {
                return AlertParseResult.Rejected(
                    RejectionReasons.NestingTooDeep,
                    $"The payload nests objects/arrays more than {MaxNestingDepth} levels deep.");
            }

            return AlertParseResult.Rejected(
                RejectionReasons.InvalidJson,
                $"The payload is not valid JSON at line {exception.LineNumber + 1}, byte {exception.BytePositionInLine + 1} of that line: {FirstSentence(exception.Message)}");
        }

        using (document)
        {
            if (JsonStringScanner.FindUnreadableString(body.Span, MaxNestingDepth) is { } unreadable)
            {
                return AlertParseResult.Rejected(
                    RejectionReasons.InvalidJson,
                    $"The payload is not valid JSON text for this service at {unreadable.Pointer}: {unreadable.Problem}. Send the character itself, or a surrogate pair.");
            }

            return ParseElement(document.RootElement, hints);
        }
    }

    /// <summary>Detection and dispatch for an already parsed payload.</summary>
    internal AlertParseResult ParseElement(JsonElement root, PayloadHints hints)
    {
        var forced = ForcedFormat(hints, out var hintRejection);
        if (hintRejection is not null)
        {
            return hintRejection;
        }

        if (root.ValueKind is not (JsonValueKind.Object or JsonValueKind.Array))
        {
            return AlertParseResult.Rejected(
                RejectionReasons.UnknownFormat,
                $"The payload is {KindName(root.ValueKind)}; an alert or request is a JSON object (or an array of manual requests or CloudEvents).",
                forced);
        }

        try
        {
            if (forced is not null)
            {
                return Format(forced.Value).Parse(root, hints);
            }

            foreach (var format in _formats)
            {
                if (format.Recognises(root))
                {
                    return format.Parse(root, hints);
                }
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Parsing is pure: whatever threw will throw again on every redelivery, so retrying only delays the
            // dead letter and replaces its reason with MaxDeliveryCountExceeded. Refuse now, naming the exception
            // type only (a message may quote the payload).
            return AlertParseResult.Rejected(
                RejectionReasons.UnreadablePayload,
                $"The payload could not be read ({exception.GetType().Name}); it was refused at once because a retry would fail the same way.",
                forced);
        }

        var seen = root.ValueKind == JsonValueKind.Object
            ? $"top-level members: {string.Join(", ", root.PropertyNames(12))}"
            : "a JSON array whose items are neither manual requests nor CloudEvents";
        return AlertParseResult.Rejected(
            RejectionReasons.UnknownFormat,
            $"The payload matches no known format ({seen}). Tried: {string.Join("; ", _formats.Select(format => format.Signature))}. "
            + "Set the 'source' application property to force a format.");
    }

    private static AlertSource? ForcedFormat(PayloadHints hints, out AlertParseResult? rejection)
    {
        rejection = null;
        var source = hints.Source?.Trim();
        if (!string.IsNullOrEmpty(source) && !source.Equals("auto", StringComparison.OrdinalIgnoreCase))
        {
            if (SourceNames.TryGetValue(source, out var named))
            {
                return named;
            }

            rejection = AlertParseResult.Rejected(
                RejectionReasons.UnknownFormat,
                $"The 'source' hint '{Truncate(source, 64)}' names no format this parser knows. Use one of: {string.Join(", ", SourceNames.Keys)} (or leave it out to detect the format).");
            return null;
        }

        var mediaType = hints.ContentType?.Split(';')[0].Trim();
        return mediaType is not null
            && (mediaType.Equals(CloudEventsContentType, StringComparison.OrdinalIgnoreCase)
                || mediaType.Equals(CloudEventsBatchContentType, StringComparison.OrdinalIgnoreCase))
            ? AlertSource.CloudEvents
            : null;
    }

    private IAlertFormat Format(AlertSource source) => _formats.First(format => format.Source == source);

    private static string KindName(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Null => "JSON null",
        JsonValueKind.Number => "a JSON number",
        JsonValueKind.String => "a JSON string",
        JsonValueKind.True or JsonValueKind.False => "a JSON boolean",
        _ => "not a JSON object",
    };

    private static int FirstInvalidUtf8Offset(ReadOnlySpan<byte> span)
    {
        var status = Utf8.ToUtf16(span, new char[span.Length], out var read, out _, replaceInvalidSequences: false);
        return status == System.Buffers.OperationStatus.Done ? span.Length : read;
    }

    private static string FirstSentence(string message)
    {
        // System.Text.Json appends "Path: … | LineNumber: … | BytePositionInLine: …" (or, from JsonDocument, only
        // "LineNumber: … | BytePositionInLine: …", both 0-based): the position is already said, 1-based.
        var path = message.IndexOf(" Path:", StringComparison.Ordinal);
        var line = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        var cut = path > 0 && (line < 0 || path < line) ? path : line;
        return cut > 0 ? message[..cut] : message;
    }

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max] + "…";
}
