using System.Text.Json.Nodes;
using AlertProbe.Core.Alerts;
using AlertProbe.Core.Messages;
using AlertProbe.Core.Outcomes;
using AlertProbe.Core.Tests.Intake.Support;
using AlertProbe.Testing.Azurite;

namespace AlertProbe.Core.Tests.Intake;

[Collection(IntakeAzurite.Name)]
public sealed class IntakeCreationTests(AzuriteFixture azurite)
{
    private static readonly BlackboxAlert ShopDown = new("https://shop.example.com/health", "fp-shop");

    [Fact]
    public async Task A_firing_alert_creates_one_instant_test_and_completes()
    {
        await using var host = await IntakeHost.StartAsync(azurite);

        var outcome = await host.HandleAsync(AlertPayloads.Message(AlertPayloads.Alertmanager(ShopDown), "msg-1", correlationId: "corr-1"));

        var completed = Assert.IsType<IntakeOutcome.Completed>(outcome);
        var test = Assert.Single(host.State.CreatedTests);
        Assert.Equal(("http-server", "https://shop.example.com/health"), (test.TestType, test.Target));
        Assert.Contains($"created {test.TestId}", completed.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_created_test_is_published_to_the_instant_tests_topic_with_its_ids_and_filter_properties()
    {
        await using var host = await IntakeHost.StartAsync(azurite);

        await host.HandleAsync(AlertPayloads.Message(AlertPayloads.Alertmanager(ShopDown), "msg-1", correlationId: "corr-1"));

        var testId = Assert.Single(host.State.CreatedTests).TestId;
        var published = Assert.Single(host.Published).Message;
        Assert.Equal($"{testId}:0", published.MessageId);
        Assert.Equal("corr-1", published.CorrelationId);
        var properties = published.ApplicationProperties;
        Assert.Equal("http-server", properties[MessageProperties.TestType]);
        Assert.Equal("alertmanager", properties[MessageProperties.Source]);
        Assert.Equal("critical", properties[MessageProperties.Severity]);
        Assert.Equal(true, properties[MessageProperties.Collect]);
        Assert.Equal(true, properties[MessageProperties.Rerun]);
        var created = MessageEnvelope.ReadInstantTestCreated(published.Body).Message;
        Assert.NotNull(created);
        Assert.Equal((testId, "fp-shop", "msg-1", IntakeRules.Name), (created.TestId, created.Trigger.AlertId, created.Trigger.OriginalMessageId, created.Trigger.Rule));
    }

    [Fact]
    public async Task A_resolved_alert_completes_saying_why_and_is_recorded_resolved_in_the_ledger()
    {
        await using var host = await IntakeHost.StartAsync(azurite);
        var resolved = ShopDown with { Status = "resolved", EndsAt = "2025-01-15T11:59:30Z" };

        var outcome = await host.HandleAsync(AlertPayloads.Message(AlertPayloads.Alertmanager(resolved), "msg-resolved"));

        var completed = Assert.IsType<IntakeOutcome.Completed>(outcome);
        Assert.Contains("resolved", completed.Reason, StringComparison.Ordinal);
        Assert.Equal(
            new DateTimeOffset(2025, 1, 15, 11, 59, 30, TimeSpan.Zero),
            await host.Ledger.GetAlertResolvedAtAsync(AlertSource.Alertmanager, "fp-shop", CancellationToken.None));
        Assert.Empty(host.CreateRequests);
    }

    [Fact]
    public async Task An_alert_no_rule_matches_completes_with_no_rule_matched()
    {
        await using var host = await IntakeHost.StartAsync(azurite);
        var nodeDown = new BlackboxAlert("edge-07.example.org:9100", "fp-node") { Job = "node" };

        var outcome = await host.HandleAsync(AlertPayloads.Message(AlertPayloads.Alertmanager(nodeDown), "msg-node"));

        var completed = Assert.IsType<IntakeOutcome.Completed>(outcome);
        Assert.Contains("no rule matched", completed.Reason, StringComparison.Ordinal);
        Assert.Empty(host.CreateRequests);
    }

    [Fact]
    public async Task A_manual_request_creates_its_test_from_the_agents_it_names()
    {
        await using var host = await IntakeHost.StartAsync(azurite);
        var request = AlertPayloads.Manual(new JsonObject { ["url"] = "https://portal.example.net/", ["agents"] = new JsonArray(new JsonObject { ["agentId"] = "116" }) });

        var outcome = await host.HandleAsync(AlertPayloads.Message(request, "msg-manual"));

        Assert.IsType<IntakeOutcome.Completed>(outcome);
        var test = Assert.Single(host.State.CreatedTests);
        Assert.Equal(("https://portal.example.net/", 116L), (test.Target, Assert.Single(test.Agents).AgentId));
    }

    [Fact]
    public async Task A_manual_request_with_a_reply_address_carries_it_to_the_published_message()
    {
        // A generic webhook host is allowed only when configured (ReplyPolicy:AllowedHosts).
        await using var host = await IntakeHost.StartAsync(azurite, options => options.Settings["ReplyPolicy:AllowedHosts:0"] = "hooks.example.com");
        var request = AlertPayloads.Manual(new JsonObject
        {
            ["url"] = "https://portal.example.net/",
            ["reply"] = new JsonObject { ["kind"] = "webhook", ["url"] = "https://hooks.example.com/alertprobe" },
        });

        await host.HandleAsync(AlertPayloads.Message(request, "msg-manual"));

        var created = MessageEnvelope.ReadInstantTestCreated(Assert.Single(host.Published).Message.Body).Message;
        Assert.Equal(new Uri("https://hooks.example.com/alertprobe"), created?.ReplyTo?.Url);
        Assert.Equal(ReplyKind.Webhook, created?.ReplyTo?.Kind);
    }
}
