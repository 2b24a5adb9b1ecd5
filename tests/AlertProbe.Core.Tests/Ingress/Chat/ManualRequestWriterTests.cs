using System.Text.Json;
using System.Text.Json.Nodes;
using AlertProbe.Core.Ingress;
using AlertProbe.Core.Ingress.Chat;
using Json.Schema;

namespace AlertProbe.Core.Tests.Ingress.Chat;

public sealed class ManualRequestWriterTests
{
    private static readonly ChatIngressOptions Defaults = new() { DefaultAgentType = "cloud", DefaultMaxAgents = 3 };
    private static readonly Uri ResponseUrl = new("https://hooks.slack.com/commands/T1/2/abc");

    private static JsonObject Write(string text, ChatReplyAddress? reply = null)
    {
        var command = Assert.IsType<ChatParseResult.Parsed>(ChatCommandParser.Parse(text)).Command;
        return JsonNode.Parse(ManualRequestWriter.Write(command, reply, Defaults))!.AsObject();
    }

    [Fact]
    public void Full_command_becomes_the_manual_request_with_criteria_limit_rerun_and_reply()
    {
        var json = Write("http https://shop.example.com from 2 agents in US,DE label prod rerun 2 every 5m", new ChatReplyAddress("slack", ResponseUrl));

        var expected = JsonNode.Parse("""
            {"schemaVersion":"1.0","testType":"http-server","url":"https://shop.example.com",
             "agents":[{"country":"US"},{"country":"DE"},{"label":"prod"}],"maxAgents":2,
             "followUp":{"collect":true,"rerun":{"count":2,"interval":"PT5M"}},
             "reply":{"kind":"slack","url":"https://hooks.slack.com/commands/T1/2/abc"}}
            """);
        Assert.True(JsonNode.DeepEquals(expected, json), json.ToJsonString());
    }

    [Fact]
    public void Bare_command_runs_from_the_default_agent_type_and_count_without_a_reply()
    {
        var json = Write("server db.example.com:5432");

        var expected = JsonNode.Parse("""
            {"schemaVersion":"1.0","testType":"agent-to-server","server":"db.example.com:5432",
             "agents":[{"type":"cloud"}],"maxAgents":3,"followUp":{"collect":true}}
            """);
        Assert.True(JsonNode.DeepEquals(expected, json), json.ToJsonString());
    }

    [Theory]
    [InlineData("http https://shop.example.com from 3 agents in US,DE")]
    [InlineData("page www.example.com label edge rerun 3 every 1h")]
    [InlineData("server db.example.com:5432")]
    [InlineData("dns example.com from 1 agent")]
    [InlineData("dnssec example.org in GB")]
    public void Written_requests_satisfy_the_manual_request_schema(string text)
    {
        var json = Write(text, new ChatReplyAddress(IngressSources.Teams, new Uri("https://prod.example.logic.azure.com/workflows/1")));

        var results = ManualRequestSchema.Value.Evaluate(JsonDocument.Parse(json.ToJsonString()).RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });

        Assert.True(results.IsValid, JsonSerializer.Serialize(results));
    }

    private static readonly Lazy<JsonSchema> ManualRequestSchema = new(() =>
    {
        using var stream = typeof(IngressOptions).Assembly.GetManifestResourceStream("AlertProbe.Schemas.manual-request.v1.json")
            ?? throw new InvalidOperationException("The manual request schema is not embedded in AlertProbe.Core.");
        using var reader = new StreamReader(stream);
        return JsonSchema.FromText(reader.ReadToEnd(), PrivateRegistry());
    });

    // A registry of its own: the global one refuses a second registration of the same $id (another
    // loader, or a test, loading the same schema would then throw).
    private static BuildOptions PrivateRegistry() => new() { SchemaRegistry = new SchemaRegistry() };
}
