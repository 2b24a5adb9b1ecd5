using System.Text.Json.Nodes;
using AlertProbe.Core.FollowUp;
using AlertProbe.Core.Messages;
using AlertProbe.Core.Outcomes;
using AlertProbe.Core.Tests.FollowUp.Support;

namespace AlertProbe.Core.Tests.FollowUp;

/// <summary>Replies to the origin, against a loopback receiver: once per run, in each destination's format, never at the cost of the published result.</summary>
public sealed class VerdictDeliveryTests
{
    [Fact]
    public async Task The_origin_gets_exactly_one_verdict_when_the_message_is_redelivered()
    {
        await using var host = await FollowUpHost.StartAsync();
        await host.CreateTestAsync("https://once.example.com/", replyTo: new ReplyAddress { Kind = ReplyKind.Webhook, Url = host.Receiver.Url("/hook") });
        host.Time.Advance(TimeSpan.FromMinutes(1));

        await host.DeliverDueAsync(deliveries: 3);

        Assert.Single(host.Receiver.Replies);
    }

    [Fact]
    public async Task A_redelivery_after_the_reply_reuses_the_saved_verdict_and_completes()
    {
        await using var host = await FollowUpHost.StartAsync();
        await host.CreateTestAsync("https://reuse.example.com/", replyTo: new ReplyAddress { Kind = ReplyKind.Webhook, Url = host.Receiver.Url() });
        host.Time.Advance(TimeSpan.FromMinutes(1));
        Assert.True(host.Bus.TryTakeDue("instant-tests", out var message));
        await host.RunCollectAsync(message!);
        var requestsBefore = host.Simulator.State.ReceivedRequests.Count;

        var outcome = await host.RunCollectAsync(message!, deliveryCount: 2);

        Assert.Equal(
            (typeof(IntakeOutcome.Completed), requestsBefore, 1),
            (outcome.GetType(), host.Simulator.State.ReceivedRequests.Count, host.Receiver.Replies.Count));
    }

    [Fact]
    public async Task A_slack_reply_goes_to_the_response_url_in_channel_with_blocks()
    {
        await using var host = await FollowUpHost.StartAsync();
        host.Simulator.State.BreakTarget("slack-target.example.com", AlertProbe.Simulator.State.TargetFailure.HttpError);
        await host.CreateTestAsync("https://slack-target.example.com/", replyTo: new ReplyAddress { Kind = ReplyKind.Slack, Url = host.Receiver.Url("/commands/T1/2/secret-token") });
        host.Time.Advance(TimeSpan.FromMinutes(1));

        await host.DeliverDueAsync();

        var reply = Assert.Single(host.Receiver.Replies);
        var body = JsonNode.Parse(reply.Body)!;
        Assert.Equal(
            ("/commands/T1/2/secret-token", "in_channel", true, "section"),
            (reply.PathAndQuery, (string?)body["response_type"], ((string?)body["text"])!.StartsWith("Failing: ", StringComparison.Ordinal), (string?)body["blocks"]![0]!["type"]));
    }

    [Fact]
    public async Task A_teams_reply_is_an_adaptive_card_message()
    {
        await using var host = await FollowUpHost.StartAsync();
        await host.CreateTestAsync("https://teams-target.example.com/", replyTo: new ReplyAddress { Kind = ReplyKind.Teams, Url = host.Receiver.Url("/workflows/abc") });
        host.Time.Advance(TimeSpan.FromMinutes(1));

        await host.DeliverDueAsync();

        var body = JsonNode.Parse(Assert.Single(host.Receiver.Replies).Body)!;
        var attachment = body["attachments"]![0]!;
        Assert.Equal(
            ("message", "application/vnd.microsoft.card.adaptive", "AdaptiveCard", 1 + 5),
            ((string?)body["type"], (string?)attachment["contentType"], (string?)attachment["content"]!["type"], attachment["content"]!["body"]!.AsArray().Count(b => (string?)b!["type"] == "ColumnSet")));
    }

    [Fact]
    public async Task A_webhook_reply_is_the_published_results_contract()
    {
        await using var host = await FollowUpHost.StartAsync();
        await host.CreateTestAsync("https://hooked.example.com/", replyTo: new ReplyAddress { Kind = ReplyKind.Webhook, Url = host.Receiver.Url() });
        host.Time.Advance(TimeSpan.FromMinutes(1));

        await host.DeliverDueAsync();

        var reply = Assert.Single(host.Receiver.Replies);
        var published = Assert.Single(host.Bus.Pending("test-results")).Message.Body.ToString();
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(published), JsonNode.Parse(reply.Body)), "the webhook body differs from the published results");
    }

    [Fact]
    public async Task A_run_without_a_reply_address_goes_to_the_configured_default_destination()
    {
        await using var host = await FollowUpHost.StartAsync();
        var settings = new Dictionary<string, string?>
        {
            ["FollowUp:Delivery:DefaultKind"] = "Webhook",
            ["FollowUp:Delivery:DefaultUrl"] = host.Receiver.Url("/default").ToString(),
        };
        await using var configured = await FollowUpHost.StartAsync(settings);
        await configured.CreateTestAsync("https://default.example.com/");
        configured.Time.Advance(TimeSpan.FromMinutes(1));

        await configured.DeliverDueAsync();

        Assert.Equal("/default", Assert.Single(host.Receiver.Replies).PathAndQuery);
    }

    [Fact]
    public async Task A_failing_destination_still_publishes_the_results_and_schedules_a_reply_retry()
    {
        await using var host = await FollowUpHost.StartAsync();
        host.Receiver.StatusCode = 503;
        var created = await host.CreateTestAsync("https://down-destination.example.com/", replyTo: new ReplyAddress { Kind = ReplyKind.Webhook, Url = host.Receiver.Url() });
        host.Time.Advance(TimeSpan.FromMinutes(1));

        var outcomes = await host.DeliverDueAsync();

        var retry = Assert.Single(host.Bus.Pending("instant-tests"));
        Assert.Equal(
            (typeof(IntakeOutcome.Rescheduled), created.TestId, 1, host.Time.GetUtcNow().AddSeconds(30)),
            (Assert.Single(outcomes).GetType(), CollectResultsHandlerTests.Published(host).TestId, (int)retry.Message.ApplicationProperties[FollowUpProperties.DeliveryAttempt], retry.ScheduledFor!.Value));
    }

    [Fact]
    public async Task A_destination_that_recovers_gets_the_verdict_once_and_the_result_is_published_once()
    {
        await using var host = await FollowUpHost.StartAsync();
        host.Receiver.StatusCode = 500;
        await host.CreateTestAsync("https://recovering.example.com/", replyTo: new ReplyAddress { Kind = ReplyKind.Webhook, Url = host.Receiver.Url() });
        host.Time.Advance(TimeSpan.FromMinutes(1));
        await host.DeliverDueAsync();
        host.Receiver.StatusCode = 200;
        var failedAttempts = host.Receiver.Replies.Count;

        while (host.AdvanceToNextDue())
        {
            await host.DeliverDueAsync(deliveries: 2);
        }

        Assert.Equal((1, 1), (host.Receiver.Replies.Count - failedAttempts, host.Bus.History("test-results").Count));
    }

    [Fact]
    public async Task A_destination_that_never_recovers_is_given_up_after_the_configured_attempts()
    {
        await using var host = await FollowUpHost.StartAsync(new Dictionary<string, string?> { ["FollowUp:Delivery:MaxAttempts"] = "3" });
        host.Receiver.StatusCode = 502;
        await host.CreateTestAsync("https://never.example.com/", replyTo: new ReplyAddress { Kind = ReplyKind.Webhook, Url = host.Receiver.Url() });
        host.Time.Advance(TimeSpan.FromMinutes(1));

        var outcomes = new List<IntakeOutcome>();
        do
        {
            outcomes.AddRange(await host.DeliverDueAsync());
        }
        while (host.AdvanceToNextDue());

        Assert.Equal([typeof(IntakeOutcome.Rescheduled), typeof(IntakeOutcome.Rescheduled), typeof(IntakeOutcome.Completed)], outcomes.Select(o => o.GetType()));
    }

    [Fact]
    public async Task A_slack_reply_url_is_never_logged_only_its_host()
    {
        await using var host = await FollowUpHost.StartAsync();
        host.Receiver.StatusCode = 500;
        await host.CreateTestAsync("https://logged.example.com/", replyTo: new ReplyAddress { Kind = ReplyKind.Slack, Url = host.Receiver.Url("/commands/T9/9/very-secret-token") });
        host.Time.Advance(TimeSpan.FromMinutes(1));

        await host.DeliverDueAsync();

        Assert.DoesNotContain(host.Logs.GetSnapshot(), record => record.Message.Contains("very-secret-token", StringComparison.Ordinal)
            || (record.StructuredState?.Any(pair => pair.Value?.Contains("very-secret-token", StringComparison.Ordinal) == true) ?? false));
    }
}
