using AlertProbe.Core.Alerts;

namespace AlertProbe.Core.Tests.Alerts;

public class GrafanaParserTests
{
    [Fact]
    public void Firing_notification_gives_one_alert_per_entry()
    {
        var result = AlertFixtures.Parse("grafana/firing.json");

        AlertFixtures.AssertSuccess(result);
        Assert.Equal(AlertSource.Grafana, result.Format);
        Assert.Equal(["e4f5a6b7c8d9e0f1", "1a2b3c4d5e6f7081"], result.Alerts.Select(alert => alert.Id));
        Assert.All(result.Alerts, alert => Assert.Equal(AlertStatus.Firing, alert.Status));
    }

    [Fact]
    public void Dashboard_panel_and_silence_links_are_kept_and_empty_ones_skipped()
    {
        var alerts = AlertFixtures.Parse("grafana/firing.json").Alerts;

        Assert.Equal(
            [
                "https://grafana.example.com/alerting/grafana/ab12cd34/view",
                "https://grafana.example.com/d/web-overview",
                "https://grafana.example.com/d/web-overview?viewPanel=4",
                "https://grafana.example.com/alerting/silence/new?matcher=alertname%3DLogin+page+slow",
            ],
            alerts[0].Links.Select(link => link.OriginalString));
        Assert.Single(alerts[1].Links);
    }

    [Fact]
    public void Evaluated_values_become_annotations()
    {
        var alerts = AlertFixtures.Parse("grafana/firing.json").Alerts;

        Assert.Equal("3.42", alerts[0].Annotations["values.A"]);
        Assert.Equal("1", alerts[0].Annotations["values.B"]);
        Assert.DoesNotContain(alerts[1].Annotations.Keys, key => key.StartsWith("values.", StringComparison.Ordinal));
    }

    [Fact]
    public void Url_and_host_labels_become_targets()
    {
        var alerts = AlertFixtures.Parse("grafana/firing.json").Alerts;

        Assert.Equal(new AlertTarget(AlertTargetKind.Url, "https://login.example.com/", "labels.url"), alerts[0].Targets[0]);
        Assert.Equal(new AlertTarget(AlertTargetKind.Host, "sso-2.example.com", "labels.host"), alerts[1].Targets[0]);
    }

    [Fact]
    public void Resolved_notification_gives_a_resolved_alert_with_its_end_time()
    {
        var alert = AlertFixtures.Single(AlertFixtures.Parse("grafana/resolved.json"));

        Assert.Equal(AlertStatus.Resolved, alert.Status);
        Assert.Equal(new DateTimeOffset(2025, 3, 3, 13, 25, 0, TimeSpan.Zero), alert.EndedAt);
        Assert.Equal(AlertSeverity.Critical, alert.Severity);
    }
}
