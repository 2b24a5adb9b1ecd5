using System.Text;
using System.Text.Json;
using AlertProbe.Core.Alerts.Reading;
using AlertProbe.Core.Outcomes;
using AlertProbe.Core.Planning;

namespace AlertProbe.Core.Alerts.Formats;

/// <summary>
/// CloudEvents 1.0 in JSON structured mode (and batches): the event's <c>data</c> (or <c>data_base64</c>)
/// is parsed as any other format, and each resulting alert keeps the event's identity in the labels
/// <c>ce.source</c> and <c>ce.id</c> (source + id identify an event, for dedup).
/// </summary>
internal sealed class CloudEventsParser(AlertPayloadParser payloadParser) : IAlertFormat
{
    public AlertSource Source => AlertSource.CloudEvents;

    public string Signature => "CloudEvents (specversion, structured JSON or a batch array)";

    public bool Recognises(JsonElement root) =>
        IsEvent(root)
        || (root.ValueKind == JsonValueKind.Array && root.GetArrayLength() > 0 && root.EnumerateArray().All(IsEvent));

    public AlertParseResult Parse(JsonElement root, PayloadHints hints)
    {
        if (hints.EnvelopeDepth >= AlertPayloadParser.MaxEnvelopeDepth)
        {
            return AlertParseResult.Rejected(
                RejectionReasons.NestingTooDeep,
                $"CloudEvents are nested more than {AlertPayloadParser.MaxEnvelopeDepth} deep.",
                Source);
        }

        if (root.ValueKind != JsonValueKind.Array)
        {
            return ParseEvent(root, string.Empty, hints);
        }

        var alerts = new List<Alert>();
        var plans = new List<TestPlan>();
        var notes = new List<string>();
        var index = 0;
        foreach (var cloudEvent in root.EnumerateArray())
        {
            var result = ParseEvent(cloudEvent, $"/{index++}", hints);
            if (result.IsRejected)
            {
                return result;
            }

            alerts.AddRange(result.Alerts);
            plans.AddRange(result.ManualPlans);
            notes.AddRange(result.Notes);
        }

        return AlertParseResult.Success(Source, alerts, notes, plans);
    }

    private AlertParseResult ParseEvent(JsonElement cloudEvent, string pointer, PayloadHints hints)
    {
        if (cloudEvent.ValueKind != JsonValueKind.Object)
        {
            return AlertParseResult.Rejected(RejectionReasons.InvalidField, $"{pointer}: a CloudEvent is a JSON object.", Source);
        }

        var specVersion = cloudEvent.ReadString("specversion");
        if (specVersion is null)
        {
            return AlertParseResult.Rejected(RejectionReasons.MissingField, $"{pointer}/specversion is missing.", Source);
        }

        if (specVersion != "1.0")
        {
            return AlertParseResult.Rejected(
                RejectionReasons.UnsupportedSchema,
                $"{pointer}/specversion: CloudEvents '{Truncate(specVersion)}' is not supported; send specversion 1.0.",
                Source);
        }

        var id = cloudEvent.ReadString("id");
        var source = cloudEvent.ReadString("source");
        var type = cloudEvent.ReadString("type");
        foreach (var (name, value) in new[] { ("id", id), ("source", source), ("type", type) })
        {
            if (value is null)
            {
                return AlertParseResult.Rejected(
                    RejectionReasons.MissingField,
                    $"{pointer}/{name}: a CloudEvent requires id, source, specversion and type.",
                    Source);
            }
        }

        // Alerts are JSON: an event declaring other content (XML, Thrift, text) cannot carry one we read.
        if (cloudEvent.ReadString("datacontenttype") is { } contentType && !IsJsonMediaType(contentType))
        {
            return AlertParseResult.Rejected(
                RejectionReasons.UnsupportedSchema,
                $"{pointer}/datacontenttype is '{Truncate(contentType)}'; only JSON data (application/json or a +json type) can carry an alert.",
                Source);
        }

        // Inner payloads are detected by content; a manual request inside takes the event's identity as its id.
        var innerHints = new PayloadHints
        {
            MessageId = $"{source}#{id}",
            EnqueuedTime = hints.EnqueuedTime,
            EnvelopeDepth = hints.EnvelopeDepth + 1,
        };
        var inner = ParseData(cloudEvent, pointer, innerHints);
        if (inner.IsRejected)
        {
            return inner with
            {
                Rejection = inner.Rejection with { Description = $"CloudEvent {pointer}/data: {inner.Rejection.Description}" },
            };
        }

        var eventLabels = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["ce.source"] = source!,
            ["ce.id"] = id!,
            ["ce.type"] = type!,
        };
        if (cloudEvent.ReadString("subject") is { } subject)
        {
            eventLabels["ce.subject"] = subject;
        }

        var alerts = inner.Alerts
            .Select(alert => alert with { Labels = Merge(alert.Labels, eventLabels) })
            .ToList();
        var notes = inner.Notes.Prepend($"CloudEvent {Truncate(source!)}#{Truncate(id!)} carried a {inner.Format} payload.").ToList();
        return AlertParseResult.Success(Source, alerts, notes, inner.ManualPlans);
    }

    private AlertParseResult ParseData(JsonElement cloudEvent, string pointer, PayloadHints innerHints)
    {
        if (cloudEvent.TryGetValue("data_base64", out var base64))
        {
            var encoded = base64.ValueKind == JsonValueKind.String ? base64.GetString() : null;
            var bytes = new byte[((encoded?.Length ?? 0) * 3 / 4) + 3];
            return encoded is not null && Convert.TryFromBase64String(encoded, bytes, out var written)
                ? payloadParser.ParseBytes(bytes.AsMemory(0, written), innerHints)
                : AlertParseResult.Rejected(RejectionReasons.InvalidField, $"{pointer}/data_base64 is not valid base64.", Source);
        }

        if (!cloudEvent.TryGetValue("data", out var data))
        {
            return AlertParseResult.Rejected(
                RejectionReasons.MissingField,
                $"{pointer}/data: the event carries no data (or data_base64) to parse.",
                Source);
        }

        // Some producers serialise the JSON payload into a string: parse the string as JSON.
        return data.ValueKind == JsonValueKind.String
            ? payloadParser.ParseBytes(Encoding.UTF8.GetBytes(data.GetString()!), innerHints)
            : payloadParser.ParseElement(data, innerHints);
    }

    private static Dictionary<string, string> Merge(IReadOnlyDictionary<string, string> labels, Dictionary<string, string> eventLabels)
    {
        var merged = new Dictionary<string, string>(labels, StringComparer.Ordinal);
        foreach (var (name, value) in eventLabels)
        {
            merged[name] = value;
        }

        return merged;
    }

    private static bool IsJsonMediaType(string contentType)
    {
        var mediaType = contentType.Split(';')[0].Trim();
        return mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || mediaType.Equals("text/json", StringComparison.OrdinalIgnoreCase)
            || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase);
    }

    private static bool IsEvent(JsonElement element) => element.ValueKind == JsonValueKind.Object && element.Has("specversion");

    private static string Truncate(string text) => text.Length <= 80 ? text : text[..80] + "…";
}
