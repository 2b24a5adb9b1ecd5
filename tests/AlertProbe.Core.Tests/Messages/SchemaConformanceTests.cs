using System.Text.Json;
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
