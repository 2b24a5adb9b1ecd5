using System.Globalization;
using System.Text;

namespace AlertProbe.Benchmarks.Storm;

/// <summary>One alert of the storm: its message, fingerprint (the alert id), target and severity.</summary>
internal sealed record StormAlert(string MessageId, string AlertId, int Target, string Severity, BinaryData Body);

/// <summary>The storm's messages: one firing Alertmanager alert each, as a blackbox exporter rule sends them.</summary>
internal static class StormAlerts
{
    public static IReadOnlyList<StormAlert> Create(StormSettings settings)
    {
        var alerts = new List<StormAlert>(settings.Messages);
        for (var i = 0; i < settings.Messages; i++)
        {
            var target = i % settings.Targets;
            var severity = settings.Mixed && target % settings.CriticalEvery == 0 ? "critical" : settings.Mixed ? "warning" : "critical";
            var id = string.Create(CultureInfo.InvariantCulture, $"fp-{i:D7}");
            alerts.Add(new StormAlert($"storm-{i:D7}", id, target, severity, Body(Url(target), id, severity)));
        }

        // Mixed: the warnings are on the queue first, so the criticals arrive into a budget the warnings already claim.
        return settings.Mixed ? [.. alerts.OrderBy(a => a.Severity == "critical" ? 1 : 0)] : alerts;
    }

    public static string Url(int target) => string.Create(CultureInfo.InvariantCulture, $"https://t{target:D5}.storm.example/health");

    private static BinaryData Body(string url, string fingerprint, string severity) => BinaryData.FromBytes(Encoding.UTF8.GetBytes($$"""
        {"version":"4","groupKey":"{}:{alertname=\"EndpointDown\"}","truncatedAlerts":0,"status":"firing","receiver":"alertprobe",
         "groupLabels":{"alertname":"EndpointDown"},"commonLabels":{"alertname":"EndpointDown"},"commonAnnotations":{},
         "externalURL":"http://alertmanager.monitoring.svc:9093",
         "alerts":[{"status":"firing","labels":{"alertname":"EndpointDown","job":"blackbox","instance":"{{url}}","severity":"{{severity}}"},
                    "annotations":{"summary":"probe failed"},"startsAt":"2025-01-15T11:58:00Z","endsAt":"0001-01-01T00:00:00Z",
                    "generatorURL":"http://prometheus.monitoring.svc:9090/graph","fingerprint":"{{fingerprint}}"}]}
        """));

    /// <summary>The rules of the storm: blackbox URL probes from two fixed agents (no agent-list call), 10 min cooldown.</summary>
    public const string RulesYaml = """
        version: 1
        defaults:
          agents: { ids: ["113", "114"] }
          cooldown: 10m
          followUp: { collect: true }
        rules:
          - name: blackbox-url
            match:
              sources: [alertmanager]
              labels: ['job="blackbox"']
            tests:
              - type: http-server
                url: "{{ labels.instance }}"
        """;
}
