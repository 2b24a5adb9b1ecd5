using System.Text.Json;
using AlertProbe.Core.Alerts.Reading;
using AlertProbe.Core.Outcomes;

namespace AlertProbe.Core.Alerts.Formats;

/// <summary>
/// Azure Monitor common alert schema: metric, log search (incl. Log Alerts V2), availability (web test),
/// activity log, service health and resource health alerts. The older per-type schemas are refused.
/// </summary>
internal sealed class AzureMonitorParser(AzureMonitorParserOptions options) : IAlertFormat
{
    private const string CommonSchemaId = "azureMonitorCommonAlertSchema";

    private const string EnableCommonSchema =
        "Enable the common alert schema on the action group's webhook/Azure Function action ('useCommonAlertSchema': true).";

    // customProperties keys conventionally carrying the thing to probe, best first.
    private static readonly string[] TargetProperties =
        ["probeUrl", "probe_url", "targetUrl", "url", "target", "probeHost", "host", "hostname", "fqdn", "server", "ipAddress", "ip"];

    // Metric/log dimensions that name a machine or URL (Log Analytics "Computer", App Insights "url"…).
    private static readonly string[] TargetDimensions = ["url", "Url", "host", "Host", "HostName", "Computer", "fqdn", "target", "IP"];

    // Prometheus rule labels/annotations (Azure Monitor managed Prometheus) that conventionally hold the probed thing.
    private static readonly string[] PrometheusTargetNames = ["instance", "target", "url", "probe_url", "host", "hostname", "fqdn"];

    // Log search alerts V1 (alertContextVersion 1.1) keep their criteria at the top of alertContext, PascalCase.
    private static readonly string[] LogSearchV1Fields = ["SearchQuery", "AlertType", "ResultCount", "Operator", "Threshold", "SeverityDescription"];

    // Service health communication stages after which the issue or maintenance is over.
    private static readonly string[] ServiceHealthEndStages = ["Resolved", "RCA", "Complete", "Completed", "Canceled", "Cancelled"];

    private static readonly string[] ContextLinks =
        ["linkToSearchResultsUI", "linkToFilteredSearchResultsUI", "LinkToSearchResults", "LinkToFilteredSearchResultsUI"];

    private readonly Dictionary<string, string> _webTestUrls = new(options.WebTestUrls, StringComparer.OrdinalIgnoreCase);

    public AlertSource Source => AlertSource.AzureMonitor;

    public string Signature => "Azure Monitor (schemaId \"azureMonitorCommonAlertSchema\")";

    // Any schemaId+data envelope, and the classic metric alert body, are Azure Monitor: refused below if legacy.
    public bool Recognises(JsonElement root) =>
        (root.Has("schemaId") && root.Has("data"))
        || (root.ReadObject("context") is { } context && context.Has("conditionType") && root.Has("status"));

    public AlertParseResult Parse(JsonElement root, PayloadHints hints)
    {
        var schemaId = root.ReadString("schemaId");
        if (schemaId is null && root.ReadObject("context") is null)
        {
            return AlertParseResult.Rejected(
                RejectionReasons.MissingField,
                $"/schemaId: an Azure Monitor payload names its schema. {EnableCommonSchema}",
                Source);
        }

        if (!string.Equals(schemaId, CommonSchemaId, StringComparison.OrdinalIgnoreCase))
        {
            var what = schemaId is null ? "a classic (pre-common-schema) alert body" : $"schemaId '{Truncate(schemaId)}'";
            return AlertParseResult.Rejected(
                RejectionReasons.UnsupportedSchema,
                $"Azure Monitor payload with {what} is not supported; only the common alert schema is. {EnableCommonSchema}",
                Source);
        }

        if (root.ReadObject("data") is not { } data || data.ReadObject("essentials") is not { } essentials)
        {
            return AlertParseResult.Rejected(
                RejectionReasons.MissingField,
                "/data/essentials: a common alert schema payload carries data.essentials; none was found.",
                Source);
        }

        var alertId = essentials.ReadString("alertId");
        if (alertId is null)
        {
            return AlertParseResult.Rejected(
                RejectionReasons.MissingField,
                "/data/essentials/alertId: the alert instance id is missing.",
                Source);
        }

        var context = data.ReadObject("alertContext");
        var conditionType = context?.ReadString("conditionType");
        var notes = new List<string>();
        var labels = ReadEssentialLabels(essentials, conditionType);
        var annotations = new Dictionary<string, string>(StringComparer.Ordinal);
        var customProperties = data.ReadStringMap("customProperties");
        var links = new List<Uri>();
        var targets = new AlertTargetList();
        targets.AddFromMap(customProperties, TargetProperties, "customProperties");

        if (context is { } alertContext)
        {
            if (string.Equals(conditionType, "LogQueryCriteria", StringComparison.OrdinalIgnoreCase))
            {
                // Log Alerts V2 carry the rule's custom properties in alertContext.properties as well.
                foreach (var (name, value) in alertContext.ReadStringMap("properties"))
                {
                    customProperties.TryAdd(name, value);
                }

                targets.AddFromMap(customProperties, TargetProperties, "customProperties");
            }

            ReadConditions(alertContext, labels, annotations, links, targets, notes);
            ReadLogSearchV1Context(alertContext, labels, annotations, targets);
            ReadPrometheusContext(alertContext, labels, annotations, targets);
            ReadActivityContext(alertContext, labels, annotations);
            foreach (var name in ContextLinks)
            {
                AddLink(links, alertContext.ReadString(name));
            }
        }

        // Affected resources named like hosts (e.g. a VM's or machine's name) rank last: they may not resolve.
        var index = 0;
        foreach (var item in essentials.ReadStringArray("configurationItems"))
        {
            targets.Add(AlertTargetClassifier.Classify(item, $"essentials.configurationItems[{index++}]"));
        }

        var severity = essentials.ReadString("severity");
        var alert = new Alert
        {
            Source = Source,
            Id = alertId,
            Status = IsResolved(essentials, context) ? AlertStatus.Resolved : AlertStatus.Firing,
            Severity = SeverityScale.FromAzure(severity),
            OriginalSeverity = severity,
            Name = essentials.ReadString("alertRule") ?? "Azure Monitor alert",
            // Prometheus rules describe themselves in annotations; essentials.description is often empty.
            Description = essentials.ReadString("description")
                ?? annotations.GetValueOrDefault("description")
                ?? annotations.GetValueOrDefault("summary"),
            Labels = labels,
            Annotations = annotations,
            CustomProperties = customProperties,
            Targets = targets.ToList(),
            Links = links,
            StartedAt = essentials.ReadTimestamp("firedDateTime"),
            EndedAt = essentials.ReadTimestamp("resolvedDateTime"),
        };
        return AlertParseResult.Success(Source, [alert], notes);
    }

    /// <summary>
    /// Metric and log alerts say so in monitorCondition. Activity log alerts (service and resource health among
    /// them) are stateless: monitorCondition stays "Fired" and the event itself says the issue is over.
    /// </summary>
    private static bool IsResolved(JsonElement essentials, JsonElement? context)
    {
        if (string.Equals(essentials.ReadString("monitorCondition"), "Resolved", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (context is not { } activity || !activity.Has("operationName"))
        {
            return false;
        }

        var properties = activity.ReadObject("properties");
        return string.Equals(activity.ReadString("status"), "Resolved", StringComparison.OrdinalIgnoreCase)
            || (properties?.ReadString("stage") is { } stage && ServiceHealthEndStages.Contains(stage, StringComparer.OrdinalIgnoreCase))
            || activity.ReadString("operationName")?.Contains("/healthevent/Resolved/", StringComparison.OrdinalIgnoreCase) == true;
    }

    private static Dictionary<string, string> ReadEssentialLabels(JsonElement essentials, string? conditionType)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in new[]
                 {
                     "alertRule", "signalType", "monitoringService", "targetResourceType", "targetResourceGroup",
                     "alertRuleID", "originAlertId",
                 })
        {
            if (essentials.ReadString(name) is { } value)
            {
                labels[$"essentials.{name}"] = value;
            }
        }

        var resourceIds = essentials.ReadStringArray("alertTargetIDs");
        if (resourceIds.Count > 0)
        {
            labels["essentials.alertTargetIDs"] = string.Join(",", resourceIds);

            // The resource's own name (last ARM id segment) is what people write rules against.
            labels["resourceName"] = resourceIds[0].TrimEnd('/').Split('/')[^1];
        }

        if (conditionType is not null)
        {
            labels["conditionType"] = conditionType;
        }

        return labels;
    }

    /// <summary>Metric, log and web test criteria: <c>alertContext.condition.allOf[]</c>.</summary>
    private void ReadConditions(
        JsonElement context,
        Dictionary<string, string> labels,
        Dictionary<string, string> annotations,
        List<Uri> links,
        AlertTargetList targets,
        List<string> notes)
    {
        var criteria = context.ReadObject("condition")?.ReadArray("allOf").Where(c => c.ValueKind == JsonValueKind.Object).ToList() ?? [];
        if (context.ReadObject("condition")?.ReadString("windowSize") is { } windowSize)
        {
            annotations["condition.windowSize"] = windowSize;
        }

        for (var i = 0; i < criteria.Count; i++)
        {
            var criterion = criteria[i];
            var prefix = criteria.Count == 1 ? "condition" : $"condition[{i}]";
            foreach (var name in new[] { "metricName", "metricNamespace", "operator", "threshold", "timeAggregation", "metricValue", "searchQuery", "webTestName" })
            {
                if (criterion.ReadString(name) is { } value)
                {
                    annotations[$"{prefix}.{name}"] = value;
                }
            }

            foreach (var dimension in criterion.ReadArray("dimensions"))
            {
                if (dimension.ReadString("name") is { } name && dimension.ReadString("value") is { } value)
                {
                    // The first criterion's value wins when several criteria split on the same dimension.
                    labels.TryAdd(name, value);
                    if (TargetDimensions.Contains(name, StringComparer.Ordinal))
                    {
                        targets.Add(AlertTargetClassifier.Classify(value, $"alertContext.condition.allOf[{i}].dimensions.{name}"));
                    }
                }
            }

            if (criterion.ReadString("webTestName") is { } webTest)
            {
                labels.TryAdd("webTestName", webTest);
                if (_webTestUrls.TryGetValue(webTest, out var url))
                {
                    targets.Add(AlertTargetClassifier.Classify(url, $"{AzureMonitorParserOptions.SectionName}:WebTestUrls[{webTest}]"));
                }
                else
                {
                    notes.Add($"Web test '{Truncate(webTest)}' has no URL in {AzureMonitorParserOptions.SectionName}:WebTestUrls; the payload does not carry it.");
                }
            }

            foreach (var name in ContextLinks)
            {
                AddLink(links, criterion.ReadString(name));
            }
        }
    }

    /// <summary>
    /// Log search alerts V1 (Log Analytics, Application Insights): <c>Dimensions</c> and
    /// <c>AffectedConfigurationItems</c> sit directly in alertContext rather than under condition.allOf[].
    /// </summary>
    private static void ReadLogSearchV1Context(
        JsonElement context,
        Dictionary<string, string> labels,
        Dictionary<string, string> annotations,
        AlertTargetList targets)
    {
        if (!context.Has("SearchQuery") || context.Has("condition"))
        {
            return;
        }

        foreach (var name in LogSearchV1Fields)
        {
            if (context.ReadString(name) is { } value)
            {
                annotations.TryAdd($"logSearch.{name}", value);
            }
        }

        foreach (var dimension in context.ReadArray("Dimensions"))
        {
            if (dimension.ReadString("name") is { } name && dimension.ReadString("value") is { } value)
            {
                labels.TryAdd(name, value);
                if (TargetDimensions.Contains(name, StringComparer.OrdinalIgnoreCase))
                {
                    targets.Add(AlertTargetClassifier.Classify(value, $"alertContext.Dimensions.{name}"));
                }
            }
        }

        var index = 0;
        foreach (var item in context.ReadStringArray("AffectedConfigurationItems"))
        {
            targets.Add(AlertTargetClassifier.Classify(item, $"alertContext.AffectedConfigurationItems[{index++}]"));
        }
    }

    /// <summary>Azure Monitor managed Prometheus: the rule's own labels and annotations, as Alertmanager would send them.</summary>
    private static void ReadPrometheusContext(
        JsonElement context,
        Dictionary<string, string> labels,
        Dictionary<string, string> annotations,
        AlertTargetList targets)
    {
        if (!context.Has("expression"))
        {
            return;
        }

        var ruleLabels = context.ReadStringMap("labels");
        var ruleAnnotations = context.ReadStringMap("annotations");
        foreach (var (name, value) in ruleLabels)
        {
            labels.TryAdd(name, value);
        }

        foreach (var (name, value) in ruleAnnotations)
        {
            annotations.TryAdd(name, value);
        }

        foreach (var name in new[] { "expression", "expressionValue", "ruleGroup" })
        {
            if (context.ReadString(name) is { } value)
            {
                annotations.TryAdd($"prometheus.{name}", value);
            }
        }

        targets.AddFromMap(ruleLabels, PrometheusTargetNames, "alertContext.labels");
        targets.AddFromMap(ruleAnnotations, PrometheusTargetNames, "alertContext.annotations");
    }

    /// <summary>Activity log, service health and resource health: a few routing-worthy fields become labels.</summary>
    private static void ReadActivityContext(JsonElement context, Dictionary<string, string> labels, Dictionary<string, string> annotations)
    {
        foreach (var name in new[] { "operationName", "eventSource", "level", "status", "subStatus" })
        {
            if (context.ReadString(name) is { } value)
            {
                labels.TryAdd($"activityLog.{name}", value);
            }
        }

        if (context.ReadObject("properties") is not { } properties)
        {
            return;
        }

        // ServiceHealth: incidentType/trackingId/title; ResourceHealth: health status transitions and cause.
        foreach (var name in new[] { "incidentType", "trackingId", "stage", "currentHealthStatus", "previousHealthStatus", "cause", "type" })
        {
            if (properties.ReadString(name) is { } value)
            {
                labels.TryAdd(name, value);
            }
        }

        if (properties.ReadString("title") is { } title)
        {
            annotations.TryAdd("title", title);
        }
    }

    private static void AddLink(List<Uri> links, string? value)
    {
        if (value is not null
            && Uri.TryCreate(value, UriKind.Absolute, out var uri)
            && uri.Scheme == Uri.UriSchemeHttps
            && !links.Contains(uri))
        {
            links.Add(uri);
        }
    }

    private static string Truncate(string text) => text.Length <= 80 ? text : text[..80] + "…";
}
