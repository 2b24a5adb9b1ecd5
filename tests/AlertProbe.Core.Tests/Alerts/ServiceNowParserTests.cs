using System.Globalization;
using AlertProbe.Core.Alerts;
using AlertProbe.Core.Outcomes;

namespace AlertProbe.Core.Tests.Alerts;

public class ServiceNowParserTests
{
    [Fact]
    public void Bare_record_becomes_a_firing_alert_identified_by_sys_id()
    {
        var alert = AlertFixtures.Single(AlertFixtures.Parse("servicenow/bare-record.json"));

        Assert.Equal(AlertSource.ServiceNow, alert.Source);
        Assert.Equal("9d385017c611228701d22104cc95c371", alert.Id);
        Assert.Equal(AlertStatus.Firing, alert.Status);
        Assert.Equal("Intranet portal unreachable from branch offices", alert.Name);
        Assert.Equal("INC0091234", alert.Labels["number"]);
        Assert.Equal(AlertSeverity.Error, alert.Severity);
        Assert.Equal("2", alert.OriginalSeverity);
    }

    [Fact]
    public void Dates_without_a_zone_are_taken_as_utc()
    {
        var alert = AlertFixtures.Single(AlertFixtures.Parse("servicenow/bare-record.json"));

        Assert.Equal(new DateTimeOffset(2025, 1, 20, 9, 14, 3, TimeSpan.Zero), alert.StartedAt);
        Assert.Null(alert.EndedAt);
    }

    [Fact]
    public void Reference_cmdb_ci_gives_its_sys_id_as_label_and_no_host_target()
    {
        var alert = AlertFixtures.Single(AlertFixtures.Parse("servicenow/bare-record.json"));

        Assert.Equal("b0c25d1bc0a800090168be1bfcdcd759", alert.Labels["cmdb_ci"]);
        Assert.Equal("8a4dde73c6112278017a6a4baf547aa7", alert.Labels["assignment_group"]);
        Assert.Equal([new AlertTarget(AlertTargetKind.Url, "https://intranet.example.com/", "u_probe_url")], alert.Targets);
    }

    [Fact]
    public void Display_value_cmdb_ci_that_looks_like_a_host_is_a_target()
    {
        var alert = AlertFixtures.Single(AlertFixtures.Parse("servicenow/result-wrapped.json"));

        Assert.Equal("vpn-gw-2.example.com", alert.Labels["cmdb_ci"]);
        Assert.Equal(new AlertTarget(AlertTargetKind.Host, "vpn-gw-2.example.com", "cmdb_ci"), alert.Targets[0]);
    }

    [Fact]
    public void Plain_sys_id_cmdb_ci_is_a_label_and_not_a_target()
    {
        var alert = AlertFixtures.Single(AlertFixtures.Parse("servicenow/resolved.json"));

        Assert.Equal("b0c25d1bc0a800090168be1bfcdcd759", alert.Labels["cmdb_ci"]);
        Assert.Empty(alert.Targets);
    }

    [Fact]
    public void Numbers_sent_as_numbers_are_read_like_digit_strings()
    {
        var alert = AlertFixtures.Single(AlertFixtures.Parse("servicenow/result-wrapped.json"));

        Assert.Equal("1", alert.Labels["state"]);
        Assert.Equal(AlertSeverity.Warning, alert.Severity);
        Assert.Equal(AlertStatus.Firing, alert.Status);
        Assert.False(alert.Labels.ContainsKey("severity"));
    }

    [Fact]
    public void Resolved_state_resolves_the_alert_with_its_resolution_time()
    {
        var alert = AlertFixtures.Single(AlertFixtures.Parse("servicenow/resolved.json"));

        Assert.Equal(AlertStatus.Resolved, alert.Status);
        Assert.Equal(DateTimeOffset.Parse("2025-01-20T11:02:47Z", CultureInfo.InvariantCulture), alert.EndedAt);
    }

    [Theory]
    [InlineData("6")]
    [InlineData("7")]
    [InlineData("8")]
    [InlineData("Closed")]
    public void Resolved_closed_and_canceled_states_are_resolved(string state)
    {
        var alert = AlertFixtures.Single(AlertFixtures.ParseText($$"""{"number":"INC1","sys_id":"s1","state":"{{state}}"}"""));

        Assert.Equal(AlertStatus.Resolved, alert.Status);
    }

    [Fact]
    public void Display_value_references_are_read()
    {
        var alert = AlertFixtures.Single(AlertFixtures.ParseText("""
            {"result":{"number":"INC7","sys_id":"abc","priority":{"display_value":"1 - Critical","value":"1"},
             "cmdb_ci":{"display_value":"lb-01.example.org","value":"0123456789abcdef0123456789abcdef"}}}
            """));

        Assert.Equal(AlertSeverity.Critical, alert.Severity);
        Assert.Equal("0123456789abcdef0123456789abcdef", alert.Labels["cmdb_ci"]);
        Assert.Equal(new AlertTarget(AlertTargetKind.Host, "lb-01.example.org", "cmdb_ci.display_value"), alert.Targets[0]);
    }

    [Fact]
    public void Result_array_gives_one_alert_per_record()
    {
        var result = AlertFixtures.ParseText("""{"result":[{"number":"INC1","sys_id":"a"},{"number":"INC2","sys_id":"b"}]}""");

        AlertFixtures.AssertSuccess(result);
        Assert.Equal(["a", "b"], result.Alerts.Select(alert => alert.Id));
    }

    [Fact]
    public void Record_without_sys_id_or_number_is_missing_a_field()
    {
        var result = AlertFixtures.ParseText("""{"short_description":"x"}""", new PayloadHints { Source = "servicenow" });

        Assert.Equal(RejectionReasons.MissingField, result.Rejection?.Reason);
    }

    [Fact]
    public void Legacy_jsonv2_records_wrapper_is_read_like_a_table_api_result()
    {
        var alert = AlertFixtures.Single(AlertFixtures.Parse("servicenow/jsonv2-records.json"));

        Assert.Equal(AlertSource.ServiceNow, alert.Source);
        Assert.Equal("5e4d3c2b1a0918273645546372819a0b", alert.Id);
        Assert.Equal("Payroll portal times out", alert.Name);
    }

    [Fact]
    public void Legacy_jsonv2_display_value_of_the_configuration_item_becomes_a_target()
    {
        var alert = AlertFixtures.Single(AlertFixtures.Parse("servicenow/jsonv2-records.json"));

        Assert.Equal([new AlertTarget(AlertTargetKind.Host, "payroll.example.com", "dv_cmdb_ci")], alert.Targets);
    }
}
