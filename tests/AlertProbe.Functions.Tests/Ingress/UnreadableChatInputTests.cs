using System.Text;
using static AlertProbe.Functions.Tests.Ingress.IngressTestHost;

namespace AlertProbe.Functions.Tests.Ingress;

/// <summary>Chat commands that no reader downstream could carry are answered at once, never queued, never thrown (issue 9 item 6).</summary>
public sealed class UnreadableChatInputTests
{
    private static Dictionary<string, string?> Settings() => new()
    {
        ["ServiceBus"] = "unused: the client is mocked",
        ["Ingress:Slack:SigningSecret"] = ChatRequests.SlackSecret,
        ["Ingress:Teams:SigningSecret"] = ChatRequests.TeamsToken,
    };

    [Theory]
    [InlineData("""{"type":"message","id":"1","text":"<at>AlertProbe</at> dns ex\ud800ample.com"}""")]
    [InlineData("""{"type":"message","id":"1","text":"<at>AlertProbe</at> dns example.com","from":{"id":"\udc00","name":"x"}}""")]
    [InlineData("""{"type":"message","\ud800":"1","text":"<at>AlertProbe</at> dns example.com"}""")]
    public async Task Signed_teams_activity_with_a_lone_surrogate_is_400_and_nothing_is_queued(string activity)
    {
        using var host = new IngressTestHost(Settings());

        var result = await host.TeamsCommand.Run(ChatRequests.Teams(Encoding.UTF8.GetBytes(activity)), CancellationToken.None);

        Assert.Equal(400, StatusOf(result));
        Assert.Empty(host.Queued);
    }

    [Fact]
    public async Task Signed_teams_activity_that_is_not_utf8_is_400_and_nothing_is_queued()
    {
        using var host = new IngressTestHost(Settings());
        byte[] body = [.. "{\"type\":\"message\",\"text\":\""u8, 0xC3, 0x28, .. "\"}"u8];

        var result = await host.TeamsCommand.Run(ChatRequests.Teams(body), CancellationToken.None);

        Assert.Equal(400, StatusOf(result));
        Assert.Empty(host.Queued);
    }

    [Fact]
    public async Task Signed_slack_command_whose_host_idna_refuses_gets_a_usage_reply_and_nothing_is_queued()
    {
        using var host = new IngressTestHost(Settings());
        // "%uD800" (the non-standard %u form) decodes to a character Uri accepts but IdnHost throws on.
        var body = Encoding.ASCII.GetBytes(
            "command=%2Falertprobe&user_id=U1&text=http+https%3A%2F%2Fshop%uD800.example.com&response_url="
            + Uri.EscapeDataString(ChatRequests.ResponseUrl) + "&trigger_id=" + ChatRequests.TriggerId);

        var result = await host.SlackCommand.Run(ChatRequests.SlackSigned(body, Now), CancellationToken.None);

        Assert.Equal(200, StatusOf(result));
        Assert.Contains("is not an http(s) URL", BodyOf(result), StringComparison.Ordinal);
        Assert.Empty(host.Queued);
    }
}
