using System.Text.Json.Nodes;
using AlertProbe.Core.Alerts;
using AlertProbe.Core.FollowUp.Delivery;
using AlertProbe.Core.Intake;
using AlertProbe.Core.Messages;
using AlertProbe.Core.Outcomes;
using AlertProbe.Core.Planning;
using AlertProbe.Core.Policy;
using AlertProbe.Core.Rules;
using AlertProbe.Core.Tests.FollowUp.Support;

namespace AlertProbe.Core.Tests.FollowUp.Delivery;

/// <summary>
/// Issue 9, item 3: the app POSTs verdicts only to allowed reply hosts, over https, without credentials, never to a
/// loopback, private, link-local or metadata address in any spelling; checked at intake and right before sending.
/// </summary>
public sealed class ReplyPolicyTests
{
    private static readonly ReplyPolicy Defaults = new(new ReplyPolicyOptions());

    [Theory]
    [InlineData("http://user:pw@127.0.0.1:18081/internal", "carries credentials")]
    [InlineData("https://127.0.0.1/internal", "127.0.0.1 is a loopback address")]
    [InlineData("https://127.1./internal", "127.0.0.1 is a loopback address")]
    [InlineData("https://１２７．０．０．１/", "127.0.0.1 is a loopback address")]
    [InlineData("https://[::ffff:7f00:1]/", "127.0.0.1 (IPv4-mapped), a loopback address")]
    [InlineData("https://169.254.169.254./latest/meta-data/", "169.254.169.254 is a cloud metadata endpoint")]
    [InlineData("https://0xa9fea9fe/", "169.254.169.254 is a cloud metadata endpoint")]
    [InlineData("https://10.0.0.5/hook", "a private address")]
    [InlineData("https://[fd00::1]/hook", "a private address")]
    [InlineData("https://localhost/hook", "'localhost' is a loopback name")]
    [InlineData("https://203.0.113.9/hook", "is an IP address")]
    [InlineData("https://evil.example.com/hook", "'evil.example.com' is not an allowed reply host")]
    [InlineData("https://hooks.slack.com.evil.example/commands/1", "is not an allowed reply host")]
    [InlineData("http://hooks.slack.com/commands/T1/2/x", "scheme 'http' is not allowed")]
    [InlineData("ftp://hooks.slack.com/", "scheme 'ftp' is not allowed")]
    [InlineData("https://hooks.slack.com\\@127.0.0.1/", "backslash")]
    [InlineData("https://hooks.slack.com:0/", "port 0")]
    public void A_reply_address_outside_the_policy_is_refused_and_the_field_named(string url, string expected)
    {
        var refusal = Defaults.Check(new JsonObject { ["kind"] = "webhook", ["url"] = url });

        Assert.NotNull(refusal);
        Assert.Equal(RejectionReasons.ReplyDenied, refusal.Reason);
        Assert.StartsWith("reply.url: ", refusal.Description, StringComparison.Ordinal);
        Assert.Contains(expected, refusal.Description, StringComparison.Ordinal);
        Assert.DoesNotContain("pw@", refusal.Description, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://hooks.slack.com/commands/T1DC2JH3J/397700885554/96rGlfmibIGlgcZRskXaIFfN")]
    [InlineData("https://prod-03.westus.logic.azure.com:443/workflows/c4ed/triggers/manual/paths/invoke?sig=x")]
    [InlineData("https://default1234.56.environment.api.powerplatform.com:443/powerautomate/automations/direct/workflows/abc")]
    [InlineData("https://HOOKS.SLACK.COM./commands/1")]
    public void Slack_and_teams_reply_hosts_are_allowed_by_default(string url)
    {
        Assert.Null(Defaults.Check(new JsonObject { ["kind"] = "slack", ["url"] = url }));
    }

    [Fact]
    public void A_configured_host_is_allowed_and_the_defaults_can_be_switched_off()
    {
        var policy = new ReplyPolicy(new ReplyPolicyOptions { AllowedHosts = ["*.hooks.example.com"], UseDefaultHosts = false });

        Assert.Null(policy.Check(new JsonObject { ["url"] = "https://ops.hooks.example.com/alertprobe" }));
        Assert.NotNull(policy.Check(new JsonObject { ["url"] = "https://hooks.slack.com/commands/1" }));
    }

    [Fact]
    public void Allowing_loopback_for_a_local_run_still_refuses_private_and_metadata_addresses()
    {
        var policy = new ReplyPolicy(new ReplyPolicyOptions { AllowLoopback = true, AllowHttp = true });

        Assert.Null(policy.Check(new JsonObject { ["url"] = "http://127.0.0.1:5000/reply" }));
        Assert.NotNull(policy.Check(new JsonObject { ["url"] = "http://169.254.169.254/" }));
        Assert.NotNull(policy.Check(new JsonObject { ["url"] = "http://10.1.2.3/" }));
    }

    [Fact]
    public void A_manual_request_with_a_forbidden_reply_address_is_refused_before_any_test_is_planned()
    {
        var planner = new IntakePlanner(new AlertPayloadParser(), new RulePlanner(RuleSetLoader.LoadDefault()), new TargetPolicy(new TargetPolicyOptions()), Defaults);
        var body = """
            {"testType":"http-server","url":"https://www.example.com/","agents":[{"agentId":"113"}],
             "reply":{"kind":"webhook","url":"http://user:pw@127.0.0.1:18081/internal"}}
            """u8.ToArray();

        var plan = planner.Plan(body, new PayloadHints { MessageId = "m-1" });

        Assert.Equal(RejectionReasons.ReplyDenied, plan.PayloadRejection?.Reason);
        Assert.Empty(plan.Tests);
    }

    [Fact]
    public void Options_with_a_host_pattern_that_does_not_parse_fail_at_start_up()
    {
        var result = new ReplyPolicyOptionsValidator().Validate(null, new ReplyPolicyOptions { AllowedHosts = ["hooks.example.com", "bad host"] });

        Assert.True(result.Failed);
        Assert.Contains("ReplyPolicy:AllowedHosts:1", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reply_address_on_a_message_that_skipped_the_intake_is_checked_again_before_sending()
    {
        // The default policy (no loopback, https only): a message put on the topic by hand names the receiver anyway.
        await using var host = await FollowUpHost.StartAsync(new Dictionary<string, string?>
        {
            ["ReplyPolicy:AllowLoopback"] = "false",
            ["ReplyPolicy:AllowHttp"] = "false",
        });
        await host.CreateTestAsync("https://bypass.example.com/", replyTo: new ReplyAddress { Kind = ReplyKind.Webhook, Url = host.Receiver.Url("/internal") });
        host.Time.Advance(TimeSpan.FromMinutes(1));

        await host.DeliverDueAsync(deliveries: 3);

        Assert.Empty(host.Receiver.Replies);
        Assert.Contains(host.Logs.GetSnapshot(), record => record.Message.Contains("refused", StringComparison.OrdinalIgnoreCase) || record.Message.Contains("Refused", StringComparison.Ordinal));
    }
}
