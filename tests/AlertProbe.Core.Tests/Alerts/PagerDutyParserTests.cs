using System.Globalization;
using AlertProbe.Core.Alerts;
using AlertProbe.Core.Outcomes;

namespace AlertProbe.Core.Tests.Alerts;

public class PagerDutyParserTests
{
    [Theory]
    [InlineData("pagerduty/triggered.json", AlertStatus.Firing)]
    [InlineData("pagerduty/acknowledged.json", AlertStatus.Firing)]
    [InlineData("pagerduty/resolved.json", AlertStatus.Resolved)]
    public void Incident_event_sets_the_status_and_acknowledged_still_fires(string fixture, AlertStatus expected)
    {
        var alert = AlertFixtures.Single(AlertFixtures.Parse(fixture));

        Assert.Equal(expected, alert.Status);
        Assert.Equal("Q1W2E3R4T5Y6U7", alert.Id);
    }

    [Fact]
    public void Triggered_incident_reads_title_service_priority_and_link()
    {
        var alert = AlertFixtures.Single(AlertFixtures.Parse("pagerduty/triggered.json"));

        Assert.Equal("Checkout API 502s from https://checkout.example.net/api", alert.Name);
        Assert.Equal(AlertSeverity.Critical, alert.Severity);
        Assert.Equal("P1", alert.OriginalSeverity);
        Assert.Equal("Checkout API", alert.Labels["service.summary"]);
        Assert.Equal("PSVC9K8", alert.Labels["service.id"]);
        Assert.Equal("P1", alert.Labels["priority"]);
        Assert.Equal("high", alert.Labels["urgency"]);
        Assert.Equal("checkout-502-2025-02-18", alert.Labels["incident_key"]);
        Assert.Equal("incident.triggered", alert.Labels["event_type"]);
        Assert.Equal("4821", alert.Labels["number"]);
        Assert.Equal("https://acme-ops.pagerduty.com/incidents/Q1W2E3R4T5Y6U7", Assert.Single(alert.Links).OriginalString);
        Assert.Null(alert.EndedAt);
    }

    [Fact]
    public void Url_in_the_title_is_found_by_pattern()
    {
        var alert = AlertFixtures.Single(AlertFixtures.Parse("pagerduty/triggered.json"));

        Assert.Equal(new AlertTarget(AlertTargetKind.Url, "https://checkout.example.net/api", "data.title"), Assert.Single(alert.Targets));
    }

    [Fact]
    public void Null_priority_falls_back_to_urgency_and_a_title_without_hosts_gives_no_target()
    {
        var alert = AlertFixtures.Single(AlertFixtures.Parse("pagerduty/low-urgency-no-priority.json"));

        Assert.Equal(AlertSeverity.Warning, alert.Severity);
        Assert.Equal("low", alert.OriginalSeverity);
        Assert.False(alert.Labels.ContainsKey("priority"));
        Assert.Empty(alert.Targets);
    }

    [Fact]
    public void Resolved_incident_ends_when_the_event_occurred()
    {
        var alert = AlertFixtures.Single(AlertFixtures.Parse("pagerduty/resolved.json"));

        Assert.Equal(DateTimeOffset.Parse("2025-02-18T07:45:12.345Z", CultureInfo.InvariantCulture), alert.EndedAt);
    }

    [Fact]
    public void Ping_succeeds_with_no_alerts_and_a_note()
    {
        var result = AlertFixtures.Parse("pagerduty/ping.json");

        AlertFixtures.AssertSuccess(result);
        Assert.Equal(AlertSource.PagerDuty, result.Format);
        Assert.Empty(result.Alerts);
        Assert.Contains(result.Notes, note => note.StartsWith("pagey.ping ignored", StringComparison.Ordinal));
    }

    [Fact]
    public void Annotation_event_is_ignored_with_a_note()
    {
        var result = AlertFixtures.Parse("pagerduty/annotated.json");

        AlertFixtures.AssertSuccess(result);
        Assert.Empty(result.Alerts);
        Assert.Contains(result.Notes, note => note.Contains("incident.annotated", StringComparison.Ordinal));
    }

    [Fact]
    public void Incident_event_without_an_incident_id_is_missing_a_field()
    {
        var result = AlertFixtures.ParseText("""{"event":{"event_type":"incident.triggered","data":{"title":"x"}}}""");

        Assert.Equal(RejectionReasons.MissingField, result.Rejection?.Reason);
        Assert.Contains("/event/data/id", result.Rejection!.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Version_2_webhook_is_refused_as_an_unsupported_schema()
    {
        var result = AlertFixtures.ParseText("""{"messages":[{"event":"incident.trigger","incident":{"id":"P1"}}]}""");

        Assert.Equal(RejectionReasons.UnsupportedSchema, result.Rejection?.Reason);
    }
}
