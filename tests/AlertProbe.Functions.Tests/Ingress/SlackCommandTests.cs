using System.Text.Json.Nodes;
using Azure.Messaging.ServiceBus;
using static AlertProbe.Functions.Tests.Ingress.IngressTestHost;

namespace AlertProbe.Functions.Tests.Ingress;

public sealed class SlackCommandTests
{
    private static Dictionary<string, string?> Settings() => new()
    {
        ["ServiceBus"] = "unused: the client is mocked",
        ["Ingress:Slack:SigningSecret"] = ChatRequests.SlackSecret,
    };

    [Fact]
    public async Task Signed_command_is_queued_as_a_manual_request_replying_to_the_response_url()
    {
        using var host = new IngressTestHost(Settings());

        var result = await host.SlackCommand.Run(ChatRequests.Slack("http https://shop.example.com from 3 agents in US,DE", Now), CancellationToken.None);

        Assert.Equal(200, StatusOf(result));
        var reply = JsonNode.Parse(BodyOf(result))!;
        Assert.Equal("ephemeral", (string?)reply["response_type"]);
        Assert.Equal("Running http-server test against https://shop.example.com from 3 agents in US, DE — results will be posted here.", (string?)reply["text"]);

        var message = Assert.Single(host.Queued);
        Assert.Equal(("slack:" + ChatRequests.TriggerId, "manual", "slack"), (message.MessageId, (string)message.ApplicationProperties["source"], (string)message.ApplicationProperties["origin"]));
        var request = JsonNode.Parse(message.Body.ToString())!;
        Assert.Equal(("http-server", "https://shop.example.com", 3), ((string?)request["testType"], (string?)request["url"], (int?)request["maxAgents"]));
        Assert.Equal(("slack", ChatRequests.ResponseUrl), ((string?)request["reply"]!["kind"], (string?)request["reply"]!["url"]));
    }

    [Fact]
    public async Task Help_is_answered_with_usage_and_nothing_is_queued()
    {
        using var host = new IngressTestHost(Settings());

        var result = await host.SlackCommand.Run(ChatRequests.Slack("help", Now), CancellationToken.None);

        Assert.Equal(200, StatusOf(result));
        Assert.StartsWith("Usage: /alertprobe <type> <target>", (string?)JsonNode.Parse(BodyOf(result))!["text"], StringComparison.Ordinal);
        Assert.Empty(host.Queued);
    }

    [Fact]
    public async Task Invalid_command_is_answered_with_the_error_and_usage_and_nothing_is_queued()
    {
        using var host = new IngressTestHost(Settings());

        var result = await host.SlackCommand.Run(ChatRequests.Slack("bgp 10.0.0.0/8", Now), CancellationToken.None);

        var text = (string?)JsonNode.Parse(BodyOf(result))!["text"];
        Assert.Equal(200, StatusOf(result));
        Assert.StartsWith("Unknown test type 'bgp'.", text, StringComparison.Ordinal);
        Assert.Contains("Usage: /alertprobe", text, StringComparison.Ordinal);
        Assert.Empty(host.Queued);
    }

    [Fact]
    public async Task Command_signed_with_another_secret_is_401_and_nothing_is_queued()
    {
        using var host = new IngressTestHost(Settings());

        var result = await host.SlackCommand.Run(ChatRequests.Slack("dns example.com", Now, secret: "not-the-secret"), CancellationToken.None);

        Assert.Equal(401, StatusOf(result));
        Assert.Empty(host.Queued);
    }

    [Fact]
    public async Task Replayed_command_older_than_five_minutes_is_401_and_nothing_is_queued()
    {
        using var host = new IngressTestHost(Settings());

        var result = await host.SlackCommand.Run(ChatRequests.Slack("dns example.com", Now.AddMinutes(-6)), CancellationToken.None);

        Assert.Equal(401, StatusOf(result));
        Assert.Empty(host.Queued);
    }

    [Fact]
    public async Task Unsigned_command_is_401_and_nothing_is_queued()
    {
        using var host = new IngressTestHost(Settings());

        var result = await host.SlackCommand.Run(Request(ChatRequests.SlackForm("dns example.com"), "application/x-www-form-urlencoded"), CancellationToken.None);

        Assert.Equal(401, StatusOf(result));
        Assert.Empty(host.Queued);
    }

    [Fact]
    public async Task Queue_failure_tells_the_user_to_try_again()
    {
        using var host = new IngressTestHost(Settings(), new ServiceBusException("busy", ServiceBusFailureReason.ServiceBusy));

        var result = await host.SlackCommand.Run(ChatRequests.Slack("dns example.com", Now), CancellationToken.None);

        // Slack shows only a generic failure for non-200 answers and never retries: say it in words instead.
        Assert.Equal(200, StatusOf(result));
        Assert.Contains("could not queue", (string?)JsonNode.Parse(BodyOf(result))!["text"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Slack_without_a_signing_secret_is_not_served()
    {
        using var host = new IngressTestHost(new Dictionary<string, string?> { ["ServiceBus"] = "unused" });

        var result = await host.SlackCommand.Run(ChatRequests.Slack("dns example.com", Now), CancellationToken.None);

        Assert.Equal(404, StatusOf(result));
        Assert.Empty(host.Queued);
    }
}
