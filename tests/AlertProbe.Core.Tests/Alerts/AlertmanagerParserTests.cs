using System.Globalization;
using AlertProbe.Core.Alerts;
using AlertProbe.Core.Outcomes;

namespace AlertProbe.Core.Tests.Alerts;

public class AlertmanagerParserTests
{
    [Fact]
    public void Each_alert_of_a_group_becomes_its_own_alert_with_its_own_status()
    {
        var result = AlertFixtures.Parse("alertmanager/firing-group.json");

        AlertFixtures.AssertSuccess(result);
        Assert.Equal(
            [("a41d2f0c9be85e17", AlertStatus.Firing), ("0b7e33c21f9a4d68", AlertStatus.Firing), ("5f0c1e2d3b4a6978", AlertStatus.Resolved)],
            result.Alerts.Select(alert => (alert.Id, alert.Status)));
    }

    [Fact]
    public void Firing_alert_reads_name_severity_labels_annotations_and_generator_link()
    {
        var alert = AlertFixtures.Parse("alertmanager/firing-group.json").Alerts[0];

        Assert.Equal(AlertSource.Alertmanager, alert.Source);
        Assert.Equal("EndpointDown", alert.Name);
        Assert.Equal(AlertSeverity.Critical, alert.Severity);
        Assert.Equal("critical", alert.OriginalSeverity);
        Assert.Equal("blackbox-http", alert.Labels["job"]);
        Assert.Equal("Probe failed from 3 of 3 regions", alert.Description);
        Assert.Equal("prometheus.monitoring.svc", Assert.Single(alert.Links).Host);
    }

    [Fact]
    public void Zero_ends_at_of_a_firing_alert_is_not_an_end_time()
    {
        var alert = AlertFixtures.Parse("alertmanager/firing-group.json").Alerts[0];

        Assert.Equal(AlertStatus.Firing, alert.Status);
        Assert.Null(alert.EndedAt);
        Assert.Equal(DateTimeOffset.Parse("2025-04-11T22:03:15.201Z", CultureInfo.InvariantCulture), alert.StartedAt);
    }

    [Fact]
    public void Resolved_alert_keeps_its_end_time()
    {
        var alert = AlertFixtures.Single(AlertFixtures.Parse("alertmanager/resolved.json"));

        Assert.Equal(AlertStatus.Resolved, alert.Status);
        Assert.Equal(DateTimeOffset.Parse("2025-04-12T09:20:00Z", CultureInfo.InvariantCulture), alert.EndedAt);
        Assert.Equal(AlertSeverity.Warning, alert.Severity);
    }

    [Theory]
    [InlineData(0, AlertTargetKind.Url, "https://status.example.org/ping", "labels.instance")]
    [InlineData(1, AlertTargetKind.Host, "edge-07.example.org:9100", "labels.instance")]
    [InlineData(3, AlertTargetKind.Host, "api.example.org", "labels.instance")]
    public void Instance_label_becomes_a_url_or_host_target(int index, AlertTargetKind kind, string value, string origin)
    {
        var alerts = AlertFixtures.Parse("alertmanager/firing-group.json").Alerts
            .Concat(AlertFixtures.Parse("alertmanager/resolved.json").Alerts)
            .ToList();

        Assert.Equal(new AlertTarget(kind, value, origin), alerts[index].Targets[0]);
    }

    [Fact]
    public void Target_label_of_a_blackbox_probe_is_an_ip_address_target()
    {
        var alert = AlertFixtures.Parse("alertmanager/firing-group.json").Alerts[2];

        Assert.Contains(new AlertTarget(AlertTargetKind.IpAddress, "203.0.113.25:443", "labels.target"), alert.Targets);
        Assert.Empty(alert.Links);
    }

    [Fact]
    public void Missing_fingerprint_gives_a_stable_id_from_the_labels()
    {
        var first = AlertFixtures.Single(AlertFixtures.Parse("alertmanager/no-fingerprint.json"));
        var reordered = AlertFixtures.Single(AlertFixtures.ParseText("""
            {"version":"4","groupKey":"g","status":"firing","alerts":[
              {"status":"firing","labels":{"mountpoint":"/var","instance":"10.20.30.40:9100","alertname":"DiskFull"}}]}
            """));

        Assert.StartsWith("labels-", first.Id, StringComparison.Ordinal);
        Assert.Equal(first.Id, reordered.Id);
    }

    [Fact]
    public void Null_groups_annotations_and_severity_are_tolerated()
    {
        var result = AlertFixtures.Parse("alertmanager/no-fingerprint.json");

        var alert = AlertFixtures.Single(result);
        Assert.Equal(AlertSeverity.Unknown, alert.Severity);
        Assert.Empty(alert.Annotations);
        Assert.False(alert.Labels.ContainsKey("severity"));
        Assert.Equal(new AlertTarget(AlertTargetKind.IpAddress, "10.20.30.40:9100", "labels.instance"), alert.Targets[0]);
    }

    [Fact]
    public void Truncated_alerts_sent_as_a_string_are_noted()
    {
        var result = AlertFixtures.Parse("alertmanager/no-fingerprint.json");

        Assert.Contains(result.Notes, note => note.StartsWith("2 alert(s) were truncated", StringComparison.Ordinal));
    }

    [Fact]
    public void Alert_without_status_takes_the_group_status()
    {
        var alert = AlertFixtures.Single(AlertFixtures.ParseText("""
            {"version":"4","groupKey":"g","status":"resolved","alerts":[{"labels":{"alertname":"A"},"fingerprint":"f1"}]}
            """));

        Assert.Equal(AlertStatus.Resolved, alert.Status);
    }

    [Fact]
    public void Forced_alertmanager_parser_refuses_a_body_without_alerts()
    {
        var result = AlertFixtures.ParseText("""{"version":"4"}""", new PayloadHints { Source = "alertmanager" });

        Assert.Equal(RejectionReasons.MissingField, result.Rejection?.Reason);
        Assert.Contains("/alerts", result.Rejection!.Description, StringComparison.Ordinal);
    }
}
