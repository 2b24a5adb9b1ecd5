using System.Text.Json;
using AlertProbe.Core.Alerts;
using AlertProbe.Core.Messages;
using AlertProbe.Testing;

namespace AlertProbe.Core.Tests.Messages;

/// <summary>The checked-in schemas under schemas/ accept what the serializer writes.</summary>
public sealed class SchemaConformanceTests
{
    private static readonly Lazy<MessageSchema> CreatedSchema = new(() => LoadSchema("instant-test-created.v1.json"));
    private static readonly Lazy<MessageSchema> ResultsSchema = new(() => LoadSchema("instant-test-results.v1.json"));

    public static TheoryData<string> CreatedSamples => ["full", "minimal", "rerun"];

    [Theory]
    [MemberData(nameof(CreatedSamples))]
    public void Serialized_instant_test_created_matches_its_schema(string sample)
    {
        var message = sample switch
        {
            "full" => MessageSamples.Created(),
            "minimal" => MessageSamples.MinimalCreated(),
            _ => MessageSamples.Created(run: 2) with { ReplyTo = new ReplyAddress { Kind = ReplyKind.Teams, Url = new Uri("https://contoso.webhook.office.com/x") } },
        };

        using var json = JsonDocument.Parse(MessageEnvelope.Serialize(message));

        Assert.Empty(CreatedSchema.Value.Evaluate(json.RootElement));
    }

    [Fact]
    public void Serialized_instant_test_results_matches_its_schema()
    {
        using var json = JsonDocument.Parse(MessageEnvelope.Serialize(MessageSamples.Results()));

        Assert.Empty(ResultsSchema.Value.Evaluate(json.RootElement));
    }

    [Fact]
    public void Created_schema_checks_the_write_back_records_of_coalesced_alerts()
    {
        var message = MessageSamples.Created() with
        {
            CoalescedAlerts =
            [
                new CoalescedAlert
                {
                    Source = AlertSource.PagerDuty, AlertId = "PINCB02", Severity = AlertSeverity.Critical, OriginalMessageId = "msg-2",
                    CoalescedAt = MessageSamples.CreatedAt, WriteBack = [new WriteBackTarget { Kind = WriteBackKind.PagerDuty, Id = "PINCB02" }],
                },
            ],
        };
        using var valid = JsonDocument.Parse(MessageEnvelope.Serialize(message));
        using var wrongKind = JsonDocument.Parse(MessageEnvelope.Serialize(message).ToString().Replace("\"kind\":\"pagerDuty\"", "\"kind\":\"opsgenie\"", StringComparison.Ordinal));

        Assert.Empty(CreatedSchema.Value.Evaluate(valid.RootElement));
        Assert.Contains("/coalescedAlerts/0/writeBack/0/kind", CreatedSchema.Value.Evaluate(wrongKind.RootElement).Select(violation => violation.Location));
    }

    [Fact]
    public void An_older_message_without_write_back_records_or_coalesced_alerts_is_read_with_none()
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(MessageEnvelope.Serialize(MessageSamples.Created() with
        {
            CoalescedAlerts = [new CoalescedAlert { Source = AlertSource.PagerDuty, AlertId = "PINCB02", Severity = AlertSeverity.Critical, OriginalMessageId = "msg-2", CoalescedAt = MessageSamples.CreatedAt }],
        }).ToString())!.AsObject();
        node["schemaVersion"] = "1.2";
        node["coalescedAlerts"]![0]!.AsObject().Remove("writeBack");
        node.Remove("writeBack");

        var result = MessageEnvelope.ReadInstantTestCreated(BinaryData.FromString(node.ToJsonString()));

        Assert.True(result.IsSuccess, result.Rejection?.ToString());
        Assert.Empty(Assert.Single(result.Message!.CoalescedAlerts).WriteBack);
        Assert.Empty(result.Message.WriteBack);
        node.Remove("coalescedAlerts");
        var older = MessageEnvelope.ReadInstantTestCreated(BinaryData.FromString(node.ToJsonString())).Message!;
        Assert.Empty(AlertProbe.Core.FollowUp.WriteBack.WriteBackDelivery.Targets(older));
    }

    [Fact]
    public void Created_schema_refuses_a_message_without_a_trigger()
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(MessageEnvelope.Serialize(MessageSamples.Created()).ToString())!.AsObject();
        node.Remove("trigger");
        using var json = JsonDocument.Parse(node.ToJsonString());

        Assert.NotEmpty(CreatedSchema.Value.Evaluate(json.RootElement));
    }

    [Fact]
    public void Embedded_schemas_are_the_checked_in_files()
    {
        var assembly = typeof(MessageEnvelope).Assembly;
        foreach (var file in new[] { "instant-test-created.v1.json", "instant-test-results.v1.json" })
        {
            using var stream = assembly.GetManifestResourceStream("AlertProbe.Schemas." + file)!;
            using var reader = new StreamReader(stream);
            Assert.Equal(File.ReadAllText(RepositoryRoot.Combine("schemas", file)), reader.ReadToEnd());
        }
    }

    private static MessageSchema LoadSchema(string file) => MessageSchema.FromText(File.ReadAllText(RepositoryRoot.Combine("schemas", file)));
}
