using AlertProbe.Core.Alerts;
using AlertProbe.Core.Outcomes;

namespace AlertProbe.Core.Tests.Alerts;

public class FormatDetectionTests
{
    public static TheoryData<string, AlertSource, string> Fixtures => new()
    {
        { "azure-monitor/metric-fired.json", AlertSource.AzureMonitor, "azure-monitor" },
        { "azure-monitor/metric-resolved.json", AlertSource.AzureMonitor, "AzureMonitor" },
        { "azure-monitor/log-v2-fired.json", AlertSource.AzureMonitor, "azure" },
        { "azure-monitor/availability-fired.json", AlertSource.AzureMonitor, "azuremonitor" },
        { "azure-monitor/activity-log.json", AlertSource.AzureMonitor, "azure-monitor" },
        { "azure-monitor/service-health-resolved.json", AlertSource.AzureMonitor, "azure-monitor" },
        { "azure-monitor/resource-health-fired.json", AlertSource.AzureMonitor, "azure-monitor" },
        { "azure-monitor/custom-properties-null.json", AlertSource.AzureMonitor, "azure-monitor" },
        { "alertmanager/firing-group.json", AlertSource.Alertmanager, "alertmanager" },
        { "alertmanager/resolved.json", AlertSource.Alertmanager, "prometheus" },
        { "alertmanager/no-fingerprint.json", AlertSource.Alertmanager, "Alertmanager" },
        { "grafana/firing.json", AlertSource.Grafana, "grafana" },
        { "grafana/resolved.json", AlertSource.Grafana, "Grafana" },
        { "pagerduty/triggered.json", AlertSource.PagerDuty, "pagerduty" },
        { "pagerduty/acknowledged.json", AlertSource.PagerDuty, "pagerduty" },
        { "pagerduty/resolved.json", AlertSource.PagerDuty, "PagerDuty" },
        { "pagerduty/low-urgency-no-priority.json", AlertSource.PagerDuty, "pagerduty" },
        { "pagerduty/ping.json", AlertSource.PagerDuty, "pagerduty" },
        { "pagerduty/annotated.json", AlertSource.PagerDuty, "pagerduty" },
        { "servicenow/bare-record.json", AlertSource.ServiceNow, "servicenow" },
        { "servicenow/result-wrapped.json", AlertSource.ServiceNow, "ServiceNow" },
        { "servicenow/resolved.json", AlertSource.ServiceNow, "servicenow" },
        { "cloudevents/alertmanager-data.json", AlertSource.CloudEvents, "cloudevents" },
        { "cloudevents/servicenow-base64.json", AlertSource.CloudEvents, "CloudEvents" },
        { "manual/single.json", AlertSource.Manual, "manual" },
        { "manual/list.json", AlertSource.Manual, "Manual" },
        { "manual/array.json", AlertSource.Manual, "manual" },
    };

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Fixture_is_detected_by_content(string fixture, AlertSource expected, string hint)
    {
        _ = hint;
        var result = AlertFixtures.Parse(fixture);

        AlertFixtures.AssertSuccess(result);
        Assert.Equal(expected, result.Format);
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Fixture_is_parsed_the_same_with_its_source_hint(string fixture, AlertSource expected, string hint)
    {
        var detected = AlertFixtures.Parse(fixture);

        var hinted = AlertFixtures.Parse(fixture, new PayloadHints { Source = hint });

        AlertFixtures.AssertSuccess(hinted);
        Assert.Equal(expected, hinted.Format);
        Assert.Equal(detected.Alerts.Select(alert => (alert.Id, alert.Status)), hinted.Alerts.Select(alert => (alert.Id, alert.Status)));
    }

    [Theory]
    [InlineData("auto")]
    [InlineData("")]
    [InlineData("  ")]
    public void Auto_or_blank_hint_detects_by_content(string hint)
    {
        var result = AlertFixtures.Parse("grafana/firing.json", new PayloadHints { Source = hint });

        Assert.Equal(AlertSource.Grafana, result.Format);
    }

    [Fact]
    public void Unknown_hint_is_refused_naming_the_accepted_values()
    {
        var result = AlertFixtures.Parse("alertmanager/firing-group.json", new PayloadHints { Source = "nagios" });

        Assert.Equal(RejectionReasons.UnknownFormat, result.Rejection?.Reason);
        Assert.Contains("'nagios'", result.Rejection!.Description, StringComparison.Ordinal);
        Assert.Contains("alertmanager", result.Rejection.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Wrong_hint_forces_that_parser_which_says_what_is_missing()
    {
        var result = AlertFixtures.Parse("alertmanager/firing-group.json", new PayloadHints { Source = "pagerduty" });

        Assert.Equal(AlertSource.PagerDuty, result.Format);
        Assert.Equal(RejectionReasons.MissingField, result.Rejection?.Reason);
    }

    [Theory]
    [InlineData("manual")]
    [InlineData("azure-monitor")]
    [InlineData("cloudevents")]
    public void Forced_format_still_refuses_a_scalar_body(string hint)
    {
        var result = AlertFixtures.ParseText("42", new PayloadHints { Source = hint });

        Assert.Equal(RejectionReasons.UnknownFormat, result.Rejection?.Reason);
    }

    [Fact]
    public void Forced_azure_parser_says_the_schema_id_is_missing()
    {
        var result = AlertFixtures.Parse("pagerduty/triggered.json", new PayloadHints { Source = "azure-monitor" });

        Assert.Equal(RejectionReasons.MissingField, result.Rejection?.Reason);
        Assert.Contains("/schemaId", result.Rejection!.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Grafana_is_told_from_alertmanager_by_org_id()
    {
        var result = AlertFixtures.ParseText("""{"version":"4","groupKey":"g","orgId":1,"alerts":[]}""");

        Assert.Equal(AlertSource.Grafana, result.Format);
    }

    [Fact]
    public void Unknown_format_rejection_lists_what_was_tried_and_the_members_seen()
    {
        var result = AlertFixtures.ParseText("""{"hello":"world"}""");

        Assert.Equal(RejectionReasons.UnknownFormat, result.Rejection?.Reason);
        Assert.Contains("hello", result.Rejection!.Description, StringComparison.Ordinal);
        foreach (var format in new[] { "Azure Monitor", "Alertmanager", "Grafana", "PagerDuty", "ServiceNow", "CloudEvents", "manual request" })
        {
            Assert.Contains(format, result.Rejection.Description, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Rejection_never_echoes_payload_values()
    {
        var result = AlertFixtures.ParseText("""{"password":"hunter2-secret"}""");

        Assert.DoesNotContain("hunter2-secret", result.Rejection!.Description, StringComparison.Ordinal);
    }
}
