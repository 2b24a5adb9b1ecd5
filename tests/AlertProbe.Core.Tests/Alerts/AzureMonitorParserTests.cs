using System.Globalization;
using AlertProbe.Core.Alerts;
using AlertProbe.Core.Outcomes;

namespace AlertProbe.Core.Tests.Alerts;

public class AzureMonitorParserTests
{
    [Fact]
    public void Fired_metric_alert_becomes_a_firing_alert_identified_by_its_alert_id()
    {
        var alert = AlertFixtures.Single(AlertFixtures.Parse("azure-monitor/metric-fired.json"));

        Assert.Equal(AlertSource.AzureMonitor, alert.Source);
        Assert.Equal(AlertStatus.Firing, alert.Status);
        Assert.EndsWith("/alerts/7c1e0f52-5a4b-4d8e-9f11-2b3c4d5e6f70", alert.Id, StringComparison.Ordinal);
        Assert.Equal("shop-frontend-5xx", alert.Name);
        Assert.Equal(DateTimeOffset.Parse("2025-05-14T08:12:31.4410297Z", CultureInfo.InvariantCulture), alert.StartedAt);
    }

    [Fact]
    public void Resolved_metric_alert_is_resolved_with_its_resolution_time()
    {
        var alert = AlertFixtures.Single(AlertFixtures.Parse("azure-monitor/metric-resolved.json"));

        Assert.Equal(AlertStatus.Resolved, alert.Status);
        Assert.Equal(DateTimeOffset.Parse("2025-05-14T08:27:02.118Z", CultureInfo.InvariantCulture), alert.EndedAt);
    }

    [Theory]
    [InlineData("azure-monitor/metric-fired.json", AlertSeverity.Error, "Sev1")]
    [InlineData("azure-monitor/metric-resolved.json", AlertSeverity.Informational, "Sev3")]
    [InlineData("azure-monitor/log-v2-fired.json", AlertSeverity.Warning, "Sev2")]
    [InlineData("azure-monitor/custom-properties-null.json", AlertSeverity.Verbose, "Sev4")]
    public void Severity_maps_Sev0_to_Sev4_onto_the_scale(string fixture, AlertSeverity expected, string original)
    {
        var alert = AlertFixtures.Single(AlertFixtures.Parse(fixture));

        Assert.Equal(expected, alert.Severity);
        Assert.Equal(original, alert.OriginalSeverity);
    }

    [Fact]
    public void Metric_dimensions_become_labels()
    {
        var alert = AlertFixtures.Single(AlertFixtures.Parse("azure-monitor/metric-fired.json"));

        Assert.Equal("pd0sdwk00042", alert.Labels["Instance"]);
        Assert.Equal("shop.example.com", alert.Labels["host"]);
        Assert.Equal("Platform", alert.Labels["essentials.monitoringService"]);
        Assert.Equal("shop-frontend", alert.Labels["resourceName"]);
        Assert.Equal("Http5xx", alert.Annotations["condition.metricName"]);
    }

    [Fact]
    public void Custom_properties_are_kept_and_numbers_read_as_text()
    {
        var alert = AlertFixtures.Single(AlertFixtures.Parse("azure-monitor/metric-fired.json"));

        Assert.Equal("https://shop.example.com/health", alert.CustomProperties["probeUrl"]);
        Assert.Equal("3", alert.CustomProperties["retries"]);
    }

    [Fact]
    public void Custom_property_probe_url_is_the_best_target_then_dimensions_then_configuration_items()
    {
        var alert = AlertFixtures.Single(AlertFixtures.Parse("azure-monitor/metric-fired.json"));

        Assert.Equal(
            [
                new AlertTarget(AlertTargetKind.Url, "https://shop.example.com/health", "customProperties.probeUrl"),
                new AlertTarget(AlertTargetKind.Host, "shop.example.com", "alertContext.condition.allOf[0].dimensions.host"),
                new AlertTarget(AlertTargetKind.Host, "shop-frontend", "essentials.configurationItems[0]"),
            ],
            alert.Targets);
    }

    [Fact]
    public void Null_custom_properties_give_an_empty_map()
    {
        var alert = AlertFixtures.Single(AlertFixtures.Parse("azure-monitor/custom-properties-null.json"));

        Assert.Empty(alert.CustomProperties);
        Assert.DoesNotContain(alert.Targets, target => target.Origin.StartsWith("customProperties", StringComparison.Ordinal));
    }

    [Fact]
    public void Log_alert_v2_reads_dimensions_search_query_and_rule_properties()
    {
        var alert = AlertFixtures.Single(AlertFixtures.Parse("azure-monitor/log-v2-fired.json"));

        Assert.Equal("gw-01.corp.example.net", alert.Labels["Computer"]);
        Assert.Equal("westeurope", alert.Labels["Region"]);
        Assert.Equal("LogQueryCriteria", alert.Labels["conditionType"]);
        Assert.Contains("AppRequests", alert.Annotations["condition.searchQuery"], StringComparison.Ordinal);
        Assert.Equal("platform", alert.CustomProperties["owner"]);
        Assert.Equal(new AlertTarget(AlertTargetKind.Host, "gw-01.corp.example.net:8443", "customProperties.probeHost"), alert.Targets[0]);
        Assert.Contains(alert.Links, link => link.Host == "portal.azure.com");
        Assert.Null(alert.Description);
    }

    [Fact]
    public void Availability_alert_takes_the_url_of_its_web_test_from_configuration()
    {
        var parser = new AlertPayloadParser(new AzureMonitorParserOptions
        {
            WebTestUrls = new Dictionary<string, string> { ["CHECKOUT-PING-appi-shop"] = "https://checkout.example.com/ping" },
        });

        var alert = AlertFixtures.Single(AlertFixtures.Parse("azure-monitor/availability-fired.json", parser: parser));

        Assert.Equal("checkout-ping-appi-shop", alert.Labels["webTestName"]);
        Assert.Equal(new AlertTarget(AlertTargetKind.Url, "https://checkout.example.com/ping", "AlertParsing:AzureMonitor:WebTestUrls[checkout-ping-appi-shop]"), alert.Targets[0]);
    }

    [Fact]
    public void Availability_alert_without_a_configured_url_says_so_in_a_note()
    {
        var result = AlertFixtures.Parse("azure-monitor/availability-fired.json");

        var alert = AlertFixtures.Single(result);
        Assert.DoesNotContain(alert.Targets, target => target.Kind == AlertTargetKind.Url);
        Assert.Contains(result.Notes, note => note.Contains("checkout-ping-appi-shop", StringComparison.Ordinal));
    }

    [Fact]
    public void Activity_log_alert_is_recognised_with_its_operation()
    {
        var alert = AlertFixtures.Single(AlertFixtures.Parse("azure-monitor/activity-log.json"));

        Assert.Equal(AlertStatus.Firing, alert.Status);
        Assert.Equal("Microsoft.Network/networkSecurityGroups/securityRules/write", alert.Labels["activityLog.operationName"]);
        Assert.Equal("Activity Log - Administrative", alert.Labels["essentials.monitoringService"]);
    }

    [Fact]
    public void Service_health_alert_status_follows_monitor_condition_and_numbers_are_tolerated()
    {
        var alert = AlertFixtures.Single(AlertFixtures.Parse("azure-monitor/service-health-resolved.json"));

        Assert.Equal(AlertStatus.Resolved, alert.Status);
        Assert.Equal("TRK-7XQ2-9PL", alert.Labels["trackingId"]);
        Assert.Equal("3", alert.Labels["activityLog.level"]);
        Assert.Equal("Degraded connectivity to a storage service in West Europe", alert.Annotations["title"]);
    }

    [Fact]
    public void Resource_health_alert_carries_the_health_transition()
    {
        var alert = AlertFixtures.Single(AlertFixtures.Parse("azure-monitor/resource-health-fired.json"));

        Assert.Equal("Unavailable", alert.Labels["currentHealthStatus"]);
        Assert.Equal("Available", alert.Labels["previousHealthStatus"]);
        Assert.Equal(new AlertTarget(AlertTargetKind.Host, "vm-db-01", "essentials.configurationItems[0]"), Assert.Single(alert.Targets));
    }

    [Fact]
    public void Legacy_metric_alert_schema_is_refused_with_advice_to_enable_the_common_schema()
    {
        var result = AlertFixtures.Parse("azure-monitor/legacy-metric-schema.json");

        Assert.Equal(RejectionReasons.UnsupportedSchema, result.Rejection?.Reason);
        Assert.Contains("common alert schema", result.Rejection!.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Common_schema_without_an_alert_id_is_missing_a_field()
    {
        var result = AlertFixtures.ParseText("""{"schemaId":"azureMonitorCommonAlertSchema","data":{"essentials":{"alertRule":"x"}}}""");

        Assert.Equal(RejectionReasons.MissingField, result.Rejection?.Reason);
        Assert.Contains("/data/essentials/alertId", result.Rejection!.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Log_search_v1_dimensions_at_the_top_of_the_alert_context_become_labels_and_targets()
    {
        var alert = AlertFixtures.Single(AlertFixtures.Parse("azure-monitor/log-v1-fired.json"));

        Assert.Equal("westeurope", alert.Labels["Region"]);
        Assert.Equal(
            [new AlertTarget(AlertTargetKind.Host, "build-agent-07.ci.example.net", "alertContext.Dimensions.Computer")],
            alert.Targets);
    }

    [Fact]
    public void Log_search_v1_query_and_result_count_are_kept_as_annotations()
    {
        var alert = AlertFixtures.Single(AlertFixtures.Parse("azure-monitor/log-v1-fired.json"));

        Assert.StartsWith("Heartbeat | summarize", alert.Annotations["logSearch.SearchQuery"], StringComparison.Ordinal);
        Assert.Equal("1", alert.Annotations["logSearch.ResultCount"]);
    }

    [Fact]
    public void Managed_prometheus_rule_labels_give_the_probed_instance_before_configuration_items()
    {
        var alert = AlertFixtures.Single(AlertFixtures.Parse("azure-monitor/prometheus-fired.json"));

        Assert.Equal(
            [
                new AlertTarget(AlertTargetKind.Url, "https://checkout.example.org/healthz", "alertContext.labels.instance"),
                new AlertTarget(AlertTargetKind.Host, "obs-amw", "essentials.configurationItems[0]"),
            ],
            alert.Targets);
    }

    [Fact]
    public void Managed_prometheus_rule_labels_and_annotations_are_kept()
    {
        var alert = AlertFixtures.Single(AlertFixtures.Parse("azure-monitor/prometheus-fired.json"));

        Assert.Equal("blackbox", alert.Labels["job"]);
        Assert.Equal("Checkout health probe failing", alert.Description);
        Assert.Equal("probe_success{job=\"blackbox\"} == 0", alert.Annotations["prometheus.expression"]);
    }

    [Theory]
    [InlineData("azure-monitor/service-health-stage-resolved.json", AlertStatus.Resolved)]
    [InlineData("azure-monitor/service-health-active.json", AlertStatus.Firing)]
    [InlineData("azure-monitor/resource-health-resolved.json", AlertStatus.Resolved)]
    [InlineData("azure-monitor/resource-health-fired.json", AlertStatus.Firing)]
    public void Health_alerts_that_stay_Fired_take_their_status_from_the_event(string fixture, AlertStatus expected)
    {
        var alert = AlertFixtures.Single(AlertFixtures.Parse(fixture));

        Assert.Equal(expected, alert.Status);
    }
}
