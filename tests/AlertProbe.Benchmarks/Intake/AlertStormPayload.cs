using System.Globalization;
using System.Text.Json;

namespace AlertProbe.Benchmarks.Intake;

/// <summary>
/// An Alertmanager group of many firing blackbox alerts, each with its own target: half probe a URL (two tests
/// each under the sample rules), half a host:port (one test each). Shaped like samples/alerts/alertmanager.json.
/// </summary>
public static class AlertStormPayload
{
    public static byte[] Create(int alertCount)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("version", "4");
            json.WriteString("groupKey", "{}/{team=\"payments\"}:{alertname=\"ProbeFailed\"}");
            json.WriteNumber("truncatedAlerts", 0);
            json.WriteString("status", "firing");
            json.WriteString("receiver", "alertprobe");
            json.WriteStartObject("groupLabels");
            json.WriteString("alertname", "ProbeFailed");
            json.WriteEndObject();
            json.WriteStartObject("commonLabels");
            json.WriteString("alertname", "ProbeFailed");
            json.WriteString("job", "blackbox");
            json.WriteEndObject();
            json.WriteStartObject("commonAnnotations");
            json.WriteEndObject();
            json.WriteString("externalURL", "https://alertmanager.contoso.example");
            json.WriteStartArray("alerts");
            for (var i = 0; i < alertCount; i++)
            {
                WriteAlert(json, i);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static void WriteAlert(Utf8JsonWriter json, int index)
    {
        var n = index.ToString(CultureInfo.InvariantCulture);
        json.WriteStartObject();
        json.WriteString("status", "firing");
        json.WriteStartObject("labels");
        json.WriteString("alertname", "ProbeFailed");
        json.WriteString("job", "blackbox");
        json.WriteString("instance", index % 2 == 0 ? $"https://svc{n}.contoso.example/health" : $"svc{n}.contoso.example:443");
        json.WriteString("severity", index % 3 == 0 ? "critical" : "warning");
        json.WriteEndObject();
        json.WriteStartObject("annotations");
        json.WriteString("summary", $"Probe of svc{n} failing");
        json.WriteEndObject();
        json.WriteString("startsAt", "2025-11-04T16:21:00Z");
        json.WriteString("endsAt", "0001-01-01T00:00:00Z");
        json.WriteString("fingerprint", index.ToString("x16", CultureInfo.InvariantCulture));
        json.WriteEndObject();
    }
}
