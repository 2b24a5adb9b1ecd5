using System.Text.Json.Nodes;
using AlertProbe.Core.Alerts;
using AlertProbe.Core.Outcomes;

namespace AlertProbe.Core.Tests.Alerts;

public class CloudEventsParserTests
{
    public static TheoryData<string, AlertSource> WrappedFormats => new()
    {
        { "azure-monitor/metric-fired.json", AlertSource.AzureMonitor },
        { "alertmanager/firing-group.json", AlertSource.Alertmanager },
        { "grafana/firing.json", AlertSource.Grafana },
        { "pagerduty/triggered.json", AlertSource.PagerDuty },
        { "servicenow/bare-record.json", AlertSource.ServiceNow },
    };

    [Theory]
    [MemberData(nameof(WrappedFormats))]
    public void Data_of_each_format_is_parsed_and_keeps_the_event_identity(string fixture, AlertSource inner)
    {
        var unwrapped = AlertFixtures.Parse(fixture);

        var result = AlertFixtures.ParseText(Wrap(JsonNode.Parse(AlertFixtures.Text(fixture))!));

        AlertFixtures.AssertSuccess(result);
        Assert.Equal(AlertSource.CloudEvents, result.Format);
        Assert.Equal(unwrapped.Alerts.Select(alert => alert.Id), result.Alerts.Select(alert => alert.Id));
        Assert.All(result.Alerts, alert =>
        {
            Assert.Equal(inner, alert.Source);
            Assert.Equal("/tests/cloudevents", alert.Labels["ce.source"]);
            Assert.Equal("evt-1", alert.Labels["ce.id"]);
        });
    }

    [Fact]
    public void Manual_request_inside_an_event_takes_the_event_identity_as_its_alert_id()
    {
        var result = AlertFixtures.ParseText(Wrap(JsonNode.Parse(AlertFixtures.Text("manual/single.json"))!));

        var plan = Assert.Single(result.ManualPlans);
        var alert = Assert.Single(result.Alerts);
        Assert.Equal("/tests/cloudevents#evt-1", plan.AlertId);
        Assert.Equal(AlertSource.Manual, alert.Source);
        Assert.Equal("evt-1", alert.Labels["ce.id"]);
    }

    [Fact]
    public void Structured_event_fixture_with_alertmanager_data_is_parsed()
    {
        var alert = AlertFixtures.Single(AlertFixtures.Parse("cloudevents/alertmanager-data.json"));

        Assert.Equal(AlertSource.Alertmanager, alert.Source);
        Assert.Equal("c3d2e1f0a9b8c7d6", alert.Id);
        Assert.Equal("org.prometheus.alertmanager.webhook", alert.Labels["ce.type"]);
        Assert.Equal("EndpointDown", alert.Labels["ce.subject"]);
    }

    [Fact]
    public void Data_base64_is_decoded_and_parsed()
    {
        var alert = AlertFixtures.Single(AlertFixtures.Parse("cloudevents/servicenow-base64.json"));

        Assert.Equal(AlertSource.ServiceNow, alert.Source);
        Assert.Equal("1c741bd70b2322007518478d83673af3", alert.Id);
        Assert.Equal("evt-9a8b7c6d", alert.Labels["ce.id"]);
    }

    [Fact]
    public void Data_serialised_into_a_string_is_parsed_as_json()
    {
        var data = AlertFixtures.Text("pagerduty/triggered.json");

        var alert = AlertFixtures.Single(AlertFixtures.ParseText(Wrap(JsonValue.Create(data))));

        Assert.Equal(AlertSource.PagerDuty, alert.Source);
    }

    [Fact]
    public void Batch_gives_the_alerts_of_every_event()
    {
        var batch = new JsonArray(
            JsonNode.Parse(Wrap(JsonNode.Parse(AlertFixtures.Text("pagerduty/triggered.json"))!, "a")),
            JsonNode.Parse(Wrap(JsonNode.Parse(AlertFixtures.Text("servicenow/bare-record.json"))!, "b")));

        var result = AlertFixtures.ParseText(batch.ToJsonString(), new PayloadHints { ContentType = "application/cloudevents-batch+json" });

        AlertFixtures.AssertSuccess(result);
        Assert.Equal(["a", "b"], result.Alerts.Select(alert => alert.Labels["ce.id"]));
    }

    [Fact]
    public void Cloudevents_content_type_forces_the_cloudevents_parser()
    {
        var result = AlertFixtures.ParseText("""{"testType":"http-server"}""", new PayloadHints { ContentType = "application/cloudevents+json; charset=utf-8" });

        Assert.Equal(AlertSource.CloudEvents, result.Format);
        Assert.Equal(RejectionReasons.MissingField, result.Rejection?.Reason);
    }

    [Fact]
    public void Unknown_data_is_refused_with_the_inner_reason()
    {
        var result = AlertFixtures.ParseText(Wrap(JsonNode.Parse("""{"hello":"world"}""")!));

        Assert.Equal(RejectionReasons.UnknownFormat, result.Rejection?.Reason);
        Assert.StartsWith("CloudEvent /data:", result.Rejection!.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Event_without_data_is_missing_a_field()
    {
        var result = AlertFixtures.ParseText("""{"specversion":"1.0","id":"1","source":"s","type":"t"}""");

        Assert.Equal(RejectionReasons.MissingField, result.Rejection?.Reason);
    }

    [Fact]
    public void Other_spec_versions_are_unsupported()
    {
        var result = AlertFixtures.ParseText("""{"specversion":"0.3","id":"1","source":"s","type":"t","data":{}}""");

        Assert.Equal(RejectionReasons.UnsupportedSchema, result.Rejection?.Reason);
    }

    [Fact]
    public void Events_nested_too_deep_are_refused()
    {
        JsonNode payload = JsonNode.Parse(AlertFixtures.Text("pagerduty/triggered.json"))!;
        for (var i = 0; i < 4; i++)
        {
            payload = JsonNode.Parse(Wrap(payload))!;
        }

        var result = AlertFixtures.ParseText(payload.ToJsonString());

        Assert.Equal(RejectionReasons.NestingTooDeep, result.Rejection?.Reason);
    }

    [Fact]
    public void Invalid_base64_is_an_invalid_field()
    {
        var result = AlertFixtures.ParseText("""{"specversion":"1.0","id":"1","source":"s","type":"t","data_base64":"@@not base64@@"}""");

        Assert.Equal(RejectionReasons.InvalidField, result.Rejection?.Reason);
    }

    private static string Wrap(JsonNode data, string id = "evt-1") =>
        new JsonObject
        {
            ["specversion"] = "1.0",
            ["id"] = id,
            ["source"] = "/tests/cloudevents",
            ["type"] = "org.example.alert",
            ["datacontenttype"] = "application/json",
            ["data"] = data.DeepClone(),
        }.ToJsonString();

    [Fact]
    public void Event_declaring_non_json_data_is_refused_as_unsupported_content()
    {
        var result = AlertFixtures.Parse("cloudevents/xml-data.json");

        Assert.Equal(RejectionReasons.UnsupportedSchema, result.Rejection?.Reason);
    }

    [Theory]
    [InlineData("application/json; charset=utf-8")]
    [InlineData("application/vnd.example.alert+json")]
    public void Json_media_types_with_parameters_or_a_json_suffix_are_read(string contentType)
    {
        var json = $$$"""{"specversion":"1.0","id":"m-1","source":"/tests","type":"t","datacontenttype":"{{{contentType}}}","data":{"version":"4","groupKey":"g","status":"firing","alerts":[{"status":"firing","labels":{"alertname":"A"}}]}}""";

        var alert = AlertFixtures.Single(AlertFixtures.ParseText(json));

        Assert.Equal("A", alert.Name);
    }
}
