using System.Text.Json.Nodes;
using Azure.Messaging.ServiceBus;

namespace AlertProbe.Core.Tests.Intake.Support;

/// <summary>One alert of an Alertmanager v4 group, as a blackbox exporter rule would send it.</summary>
internal sealed record BlackboxAlert(string Instance, string Fingerprint)
{
    public string Status { get; init; } = "firing";

    public string Severity { get; init; } = "critical";

    public string Job { get; init; } = "blackbox";

    public string EndsAt { get; init; } = "0001-01-01T00:00:00Z";

    /// <summary>A <c>jira_issue</c> label naming the alert's Jira issue (a write-back record), when set.</summary>
    public string? JiraIssue { get; init; }
}

/// <summary>Payloads written for these tests, and the queue messages that carry them.</summary>
internal static class AlertPayloads
{
    public static BinaryData Alertmanager(params BlackboxAlert[] alerts)
    {
        var items = new JsonArray();
        foreach (var alert in alerts)
        {
            items.Add(new JsonObject
            {
                ["status"] = alert.Status,
                ["labels"] = Labels(alert),
                ["annotations"] = new JsonObject { ["summary"] = "probe failed" },
                ["startsAt"] = "2025-01-15T11:58:00Z",
                ["endsAt"] = alert.EndsAt,
                ["generatorURL"] = "http://prometheus.monitoring.svc:9090/graph",
                ["fingerprint"] = alert.Fingerprint,
            });
        }

        var group = new JsonObject
        {
            ["version"] = "4",
            ["groupKey"] = "{}:{alertname=\"EndpointDown\"}",
            ["truncatedAlerts"] = 0,
            ["status"] = alerts.Any(a => a.Status == "firing") ? "firing" : "resolved",
            ["receiver"] = "alertprobe",
            ["groupLabels"] = new JsonObject { ["alertname"] = "EndpointDown" },
            ["commonLabels"] = new JsonObject { ["alertname"] = "EndpointDown" },
            ["commonAnnotations"] = new JsonObject(),
            ["externalURL"] = "http://alertmanager.monitoring.svc:9093",
            ["alerts"] = items,
        };
        return BinaryData.FromString(group.ToJsonString());
    }

    private static JsonObject Labels(BlackboxAlert alert)
    {
        var labels = new JsonObject
        {
            ["alertname"] = "EndpointDown",
            ["job"] = alert.Job,
            ["instance"] = alert.Instance,
            ["severity"] = alert.Severity,
        };
        if (alert.JiraIssue is { } issue)
        {
            labels["jira_issue"] = issue;
        }

        return labels;
    }

    /// <summary>A manual request for one test; <paramref name="fields"/> are added to (or replace) the defaults.</summary>
    public static BinaryData Manual(JsonObject fields)
    {
        var request = new JsonObject
        {
            ["schemaVersion"] = "1.0",
            ["testType"] = "http-server",
            ["agents"] = new JsonArray(new JsonObject { ["agentId"] = "113" }),
        };
        foreach (var (name, value) in fields)
        {
            request[name] = value?.DeepClone();
        }

        return BinaryData.FromString(request.ToJsonString());
    }

    public static ServiceBusReceivedMessage Message(
        BinaryData body,
        string messageId,
        int deliveryCount = 1,
        string? correlationId = null,
        string? contentType = "application/json",
        DateTimeOffset? enqueuedTime = null) =>
        ServiceBusModelFactory.ServiceBusReceivedMessage(
            body: body,
            messageId: messageId,
            correlationId: correlationId,
            contentType: contentType,
            properties: new Dictionary<string, object>(),
            deliveryCount: deliveryCount,
            sequenceNumber: 1,
            enqueuedTime: enqueuedTime ?? new DateTimeOffset(2025, 1, 15, 12, 0, 0, TimeSpan.Zero));
}
