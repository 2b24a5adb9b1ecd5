using System.Text;
using System.Text.Json.Nodes;
using static AlertProbe.Functions.Tests.Ingress.IngressTestHost;

namespace AlertProbe.Functions.Tests.Ingress;

public sealed class TeamsCommandTests
{
    private const string ResultsWebhook = "https://prod-01.westeurope.logic.azure.com/workflows/abc/triggers/manual/paths/invoke";

    private static Dictionary<string, string?> Settings(bool withResultsWebhook = true)
    {
        var settings = new Dictionary<string, string?>
        {
            ["ServiceBus"] = "unused: the client is mocked",
            ["Ingress:Teams:SigningSecret"] = ChatRequests.TeamsToken,
            ["Ingress:Teams:ResultsLocation"] = "the #network-ops dashboard",
        };
        if (withResultsWebhook)
        {
            settings["Ingress:Teams:ResultsWebhookUrl"] = ResultsWebhook;
        }

        return settings;
    }

    [Fact]
    public async Task Mentioned_command_is_queued_with_results_going_to_the_workflows_webhook()
    {
        using var host = new IngressTestHost(Settings());
        var body = ChatRequests.TeamsActivity("<at>AlertProbe</at> server db.example.com:5432 from 2 agents", id: "1700000000001");

        var result = await host.TeamsCommand.Run(ChatRequests.Teams(body), CancellationToken.None);

        Assert.Equal(200, StatusOf(result));
        var reply = JsonNode.Parse(BodyOf(result))!;
        Assert.Equal("message", (string?)reply["type"]);
        Assert.Equal("Running agent-to-server test against db.example.com:5432 from 2 agents — results will be posted to the AlertProbe results channel.", (string?)reply["text"]);
        var message = Assert.Single(host.Queued);
        Assert.Equal(("teams:1700000000001", "manual", "teams"), (message.MessageId, (string)message.ApplicationProperties["source"], (string)message.ApplicationProperties["origin"]));
        var request = JsonNode.Parse(message.Body.ToString())!;
        Assert.Equal(("agent-to-server", "db.example.com:5432", "teams", ResultsWebhook), ((string?)request["testType"], (string?)request["server"], (string?)request["reply"]!["kind"], (string?)request["reply"]!["url"]));
    }

    [Fact]
    public async Task Without_a_results_webhook_the_answer_says_where_to_look_and_no_reply_is_queued()
    {
        using var host = new IngressTestHost(Settings(withResultsWebhook: false));

        var result = await host.TeamsCommand.Run(ChatRequests.Teams(ChatRequests.TeamsActivity("<at>AlertProbe</at> dns example.com")), CancellationToken.None);

        Assert.EndsWith("see the #network-ops dashboard.", (string?)JsonNode.Parse(BodyOf(result))!["text"], StringComparison.Ordinal);
        Assert.Null(JsonNode.Parse(Assert.Single(host.Queued).Body.ToString())!["reply"]);
    }

    [Fact]
    public async Task Invalid_command_is_answered_with_usage_and_nothing_is_queued()
    {
        using var host = new IngressTestHost(Settings());

        var result = await host.TeamsCommand.Run(ChatRequests.Teams(ChatRequests.TeamsActivity("<at>AlertProbe</at> http")), CancellationToken.None);

        var text = (string?)JsonNode.Parse(BodyOf(result))!["text"];
        Assert.Equal(200, StatusOf(result));
        Assert.StartsWith("Say what to test: http <URL>.", text, StringComparison.Ordinal);
        Assert.Contains("Usage: @AlertProbe", text, StringComparison.Ordinal);
        Assert.Empty(host.Queued);
    }

    [Fact]
    public async Task Message_signed_with_another_token_is_401_and_nothing_is_queued()
    {
        using var host = new IngressTestHost(Settings());
        var otherToken = Convert.ToBase64String(Encoding.UTF8.GetBytes("some other outgoing webhook token"));

        var result = await host.TeamsCommand.Run(ChatRequests.Teams(ChatRequests.TeamsActivity("<at>AlertProbe</at> dns example.com"), otherToken), CancellationToken.None);

        Assert.Equal(401, StatusOf(result));
        Assert.Empty(host.Queued);
    }

    [Fact]
    public async Task Unsigned_message_is_401_and_nothing_is_queued()
    {
        using var host = new IngressTestHost(Settings());

        var result = await host.TeamsCommand.Run(Request(ChatRequests.TeamsActivity("<at>AlertProbe</at> dns example.com")), CancellationToken.None);

        Assert.Equal(401, StatusOf(result));
        Assert.Empty(host.Queued);
    }

    [Fact]
    public async Task Signed_body_that_is_not_an_activity_is_400()
    {
        using var host = new IngressTestHost(Settings());

        var result = await host.TeamsCommand.Run(ChatRequests.Teams(Encoding.UTF8.GetBytes("not json")), CancellationToken.None);

        Assert.Equal(400, StatusOf(result));
        Assert.Empty(host.Queued);
    }
}
