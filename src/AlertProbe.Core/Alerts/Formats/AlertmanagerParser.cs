using System.Text.Json;
using AlertProbe.Core.Alerts.Reading;

namespace AlertProbe.Core.Alerts.Formats;

/// <summary>Prometheus Alertmanager webhook (<c>version</c> "4"): one alert per entry of <c>alerts[]</c>.</summary>
internal sealed class AlertmanagerParser : IAlertFormat
{
    public AlertSource Source => AlertSource.Alertmanager;

    public string Signature => "Alertmanager (version \"4\" with an alerts array)";

    public bool Recognises(JsonElement root) =>
        root.TryGetValue("alerts", out var alerts)
        && alerts.ValueKind == JsonValueKind.Array
        && !root.Has("orgId")
        && (root.ReadString("version") == "4" || root.Has("groupKey"));

    public AlertParseResult Parse(JsonElement root, PayloadHints hints) => PrometheusAlertReader.Read(root, Source);
}
