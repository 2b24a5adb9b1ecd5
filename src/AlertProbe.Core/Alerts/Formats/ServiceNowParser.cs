using System.Globalization;
using System.Text.Json;
using AlertProbe.Core.Alerts.Reading;
using AlertProbe.Core.Outcomes;

namespace AlertProbe.Core.Alerts.Formats;

/// <summary>
/// ServiceNow incidents: a bare record, <c>{"result":{…}}</c> or <c>{"result":[…]}</c> (Table API shapes),
/// as a business rule or REST message sends them, or <c>{"records":[…]}</c> (the legacy JSONv2 processor). Dates without a zone are taken as UTC (ServiceNow's
/// API default); fields may be plain values or <c>{value, display_value, link}</c> references.
/// </summary>
internal sealed class ServiceNowParser : IAlertFormat
{
    // Default state choices: 6 Resolved, 7 Closed, 8 Canceled (instances can rename them, so names count too).
    private static readonly string[] ResolvedStates = ["6", "7", "8", "resolved", "closed", "canceled", "cancelled"];

    private static readonly string[] LabelFields =
        ["number", "sys_id", "state", "priority", "severity", "urgency", "impact", "category", "subcategory", "assignment_group", "business_service", "sys_class_name"];

    // Custom columns (u_ prefix) people add to carry the thing to probe.
    private static readonly string[] TargetFields = ["u_probe_url", "u_url", "u_target", "u_host", "u_hostname"];

    // Priority (1..5, from impact × urgency) is the incident's overall rank; severity and urgency stand in.
    private static readonly string[] RankFields = ["priority", "severity", "urgency"];

    public AlertSource Source => AlertSource.ServiceNow;

    public string Signature => "ServiceNow (a record with sys_id or number, bare or under result)";

    // The Table API wraps records in "result"; the legacy JSONv2 web service in "records".
    private static readonly string[] Wrappers = ["result", "records"];

    public bool Recognises(JsonElement root)
    {
        if (Unwrap(root, out _) is { } result)
        {
            var first = result.ValueKind == JsonValueKind.Array ? result.EnumerateArray().FirstOrDefault() : result;
            return IsRecord(first);
        }

        return IsRecord(root);
    }

    public AlertParseResult Parse(JsonElement root, PayloadHints hints)
    {
        var unwrapped = Unwrap(root, out var wrapper);
        var wrapped = unwrapped is not null;
        var result = unwrapped ?? root;
        var isList = wrapped && result.ValueKind == JsonValueKind.Array;
        List<JsonElement> records = isList ? [.. result.EnumerateArray()] : [result];
        var alerts = new List<Alert>();
        for (var i = 0; i < records.Count; i++)
        {
            var pointer = isList ? $"/{wrapper}/{i}" : wrapped ? $"/{wrapper}" : string.Empty;
            if (records[i].ValueKind != JsonValueKind.Object)
            {
                return AlertParseResult.Rejected(RejectionReasons.InvalidField, $"{pointer}: a ServiceNow record is a JSON object.", Source);
            }

            var alert = ReadRecord(records[i], pointer, out var rejection);
            if (alert is null)
            {
                return rejection!;
            }

            alerts.Add(alert);
        }

        return AlertParseResult.Success(Source, alerts, alerts.Count == 0 ? ["ServiceNow result carried no records."] : null);
    }

    private Alert? ReadRecord(JsonElement record, string pointer, out AlertParseResult? rejection)
    {
        rejection = null;
        var sysId = Field(record, "sys_id");
        var number = Field(record, "number");
        if (sysId is null && number is null)
        {
            rejection = AlertParseResult.Rejected(
                RejectionReasons.MissingField,
                $"{pointer}/sys_id: a ServiceNow record needs sys_id or number to identify it.",
                Source);
            return null;
        }

        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in LabelFields)
        {
            if (Field(record, name) is { } value)
            {
                labels[name] = value;
            }
        }

        var targets = new AlertTargetList();
        foreach (var name in TargetFields)
        {
            targets.Add(AlertTargetClassifier.Classify(Field(record, name), name));
        }

        ReadConfigurationItem(record, labels, targets);
        var shortDescription = Field(record, "short_description");
        targets.AddRange(AlertTargetClassifier.FindInText(shortDescription, "short_description"));

        var state = Field(record, "state");
        var status = state is not null && ResolvedStates.Contains(state, StringComparer.OrdinalIgnoreCase)
            ? AlertStatus.Resolved
            : AlertStatus.Firing;

        var rank = RankFields
            .Select(name => (Value: Field(record, name), Severity: SeverityScale.FromDigit(Field(record, name))))
            .FirstOrDefault(pair => pair.Severity != AlertSeverity.Unknown);

        return new Alert
        {
            Source = Source,
            Id = sysId ?? number!,
            Status = status,
            Severity = rank.Value is null ? AlertSeverity.Unknown : rank.Severity,
            OriginalSeverity = rank.Value,
            Name = shortDescription ?? number ?? sysId!,
            Description = Field(record, "description"),
            Labels = labels,
            Targets = targets.ToList(),
            StartedAt = Timestamp(Field(record, "opened_at") ?? Field(record, "sys_created_on")),
            EndedAt = status == AlertStatus.Resolved ? Timestamp(Field(record, "resolved_at") ?? Field(record, "closed_at")) : null,
        };
    }

    /// <summary>
    /// cmdb_ci comes as a <c>{link, value}</c> reference, a bare sys_id or a display value (often the host
    /// name). The label gets the sys_id when there is one; a host-like display value becomes a target.
    /// </summary>
    private static void ReadConfigurationItem(JsonElement record, Dictionary<string, string> labels, AlertTargetList targets)
    {
        // JSONv2 with displayvalue=all sends the display value beside the sys_id, as dv_cmdb_ci.
        if (record.ReadString("dv_cmdb_ci") is { } legacyDisplay)
        {
            labels["cmdb_ci.display_value"] = legacyDisplay;
            targets.Add(AlertTargetClassifier.ClassifyUnlessSysId(legacyDisplay, "dv_cmdb_ci"));
        }

        if (!record.TryGetValue("cmdb_ci", out var item))
        {
            return;
        }

        if (item.ValueKind == JsonValueKind.Object)
        {
            var value = item.ReadString("value");
            var display = item.ReadString("display_value");
            if ((value ?? display) is { } label)
            {
                labels["cmdb_ci"] = label;
            }

            if (display is not null)
            {
                labels["cmdb_ci.display_value"] = display;
            }

            targets.Add(AlertTargetClassifier.ClassifyUnlessSysId(display, "cmdb_ci.display_value"));
            targets.Add(AlertTargetClassifier.ClassifyUnlessSysId(value, "cmdb_ci.value"));
            return;
        }

        if (item.AsText() is { } text)
        {
            labels["cmdb_ci"] = text;
            targets.Add(AlertTargetClassifier.ClassifyUnlessSysId(text, "cmdb_ci"));
        }
    }

    /// <summary>A field's value: scalars as text, references by their value (else display value).</summary>
    private static string? Field(JsonElement record, string name)
    {
        if (!record.TryGetValue(name, out var value))
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.Object
            ? value.ReadString("value") ?? value.ReadString("display_value")
            : value.AsText();
    }

    private static DateTimeOffset? Timestamp(string? text) =>
        text is not null && DateTimeOffset.TryParseExact(
            text,
            "yyyy-MM-dd HH:mm:ss",
            CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal,
            out var timestamp)
            ? timestamp
            : JsonElementReader.ParseTimestamp(text);

    private static JsonElement? Unwrap(JsonElement root, out string wrapper)
    {
        foreach (var name in Wrappers)
        {
            if (root.TryGetValue(name, out var value) && value.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
            {
                wrapper = name;
                return value;
            }
        }

        wrapper = string.Empty;
        return null;
    }

    private static bool IsRecord(JsonElement element) =>
        element.ValueKind == JsonValueKind.Object
        && (element.Has("sys_id")
            || (element.ReadString("number") is not null && (element.Has("short_description") || element.Has("state"))));
}
