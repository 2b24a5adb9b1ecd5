using System.Text.Json;
using AlertProbe.Core.Alerts.Reading;

namespace AlertProbe.Core.Alerts.Formats;

/// <summary>
/// Grafana unified alerting webhook: the Alertmanager body plus <c>orgId</c> (and <c>version</c> "1"), with
/// per-alert dashboard/panel/silence links and evaluated values.
/// </summary>
internal sealed class GrafanaParser : IAlertFormat
{
    public AlertSource Source => AlertSource.Grafana;

    public string Signature => "Grafana (orgId with an alerts array)";

    public bool Recognises(JsonElement root) =>
        root.TryGetValue("alerts", out var alerts)
        && alerts.ValueKind == JsonValueKind.Array
        && root.Has("orgId");

    public AlertParseResult Parse(JsonElement root, PayloadHints hints) => PrometheusAlertReader.Read(root, Source);
}
