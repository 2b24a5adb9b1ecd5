using AlertProbe.Core.Alerts;
using AlertProbe.Core.Alerts.Reading;

namespace AlertProbe.Core.Tests.Alerts;

public class AlertTargetClassifierTests
{
    [Theory]
    [InlineData("https://shop.example.com/health", AlertTargetKind.Url)]
    [InlineData("http://10.0.0.5:8080/", AlertTargetKind.Url)]
    [InlineData("shop.example.com", AlertTargetKind.Host)]
    [InlineData("shop.example.com:8443", AlertTargetKind.Host)]
    [InlineData("web01", AlertTargetKind.Host)]
    [InlineData("192.0.2.10", AlertTargetKind.IpAddress)]
    [InlineData("192.0.2.10:443", AlertTargetKind.IpAddress)]
    [InlineData("2001:db8::1", AlertTargetKind.IpAddress)]
    [InlineData("[2001:db8::1]:443", AlertTargetKind.IpAddress)]
    public void Value_is_classified_as_url_host_or_ip(string value, AlertTargetKind kind)
    {
        Assert.Equal(new AlertTarget(kind, value, "labels.x"), AlertTargetClassifier.Classify(value, "labels.x"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("Email Server")]
    [InlineData("ftp://files.example.com/")]
    [InlineData("https://")]
    [InlineData("300.1.2.3")]
    [InlineData("10.0.0")]
    [InlineData("42")]
    [InlineData("host.example.com:99999")]
    [InlineData("-bad-.example.com")]
    public void Value_that_names_nothing_probeable_is_not_a_target(string value)
    {
        Assert.Null(AlertTargetClassifier.Classify(value, "labels.x"));
    }

    [Fact]
    public void Sys_id_is_not_taken_for_a_host_name()
    {
        Assert.Null(AlertTargetClassifier.ClassifyUnlessSysId("b0c25d1bc0a800090168be1bfcdcd759", "cmdb_ci"));
    }

    [Fact]
    public void Text_scan_finds_urls_addresses_and_fully_qualified_hosts_in_order()
    {
        var found = AlertTargetClassifier.FindInText(
            "Timeouts on https://api.example.com/v1/orders, then db-7.example.net:5432 and 198.51.100.7 failed.",
            "data.title");

        Assert.Equal(
            ["https://api.example.com/v1/orders", "db-7.example.net:5432", "198.51.100.7"],
            found.Select(target => target.Value));
    }

    [Fact]
    public void Text_scan_ignores_plain_words()
    {
        Assert.Empty(AlertTargetClassifier.FindInText("Disk usage above 90% on the primary database", "data.title"));
    }
}
