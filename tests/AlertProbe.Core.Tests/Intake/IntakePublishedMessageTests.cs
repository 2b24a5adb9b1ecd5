using AlertProbe.Core.Alerts;
using AlertProbe.Core.Messages;
using AlertProbe.Core.Outcomes;
using AlertProbe.Core.Tests.Intake.Support;
using AlertProbe.Testing.Azurite;

namespace AlertProbe.Core.Tests.Intake;

/// <summary>
/// The InstantTestCreated message the follow-up relies on (docs/contracts.md): everything it needs comes from what
/// ThousandEyes answered and from the plan that triggered it, field by field.
/// </summary>
[Collection(IntakeAzurite.Name)]
public sealed class IntakePublishedMessageTests(AzuriteFixture azurite)
{
    private static readonly BinaryData ShopDown = AlertPayloads.Alertmanager(new BlackboxAlert("https://shop.example.com/health", "fp-shop") { Severity = "warning" });

    [Fact]
    public async Task The_published_test_carries_what_thousandeyes_answered()
    {
        await using var host = await IntakeHost.StartAsync(azurite);

        await host.HandleAsync(AlertPayloads.Message(ShopDown, "msg-1", correlationId: "corr-1"));

        var test = Assert.Single(host.State.CreatedTests);
        var created = MessageEnvelope.ReadInstantTestCreated(Assert.Single(host.Published).Message.Body).Message!;
        Assert.Equal((test.TestId, "http-server", test.TestName), (created.TestId, created.TestType, created.TestName));
        Assert.Equal(test.CreatedAt, created.CreatedAt);
        Assert.Equal(
            test.Agents.Select(a => (a.AgentId.ToString(System.Globalization.CultureInfo.InvariantCulture), a.AgentName)).Order(),
            created.Agents.Select(a => (a.AgentId, a.AgentName!)).Order());
        Assert.NotEmpty(created.ResultLinks);
        Assert.All(created.ResultLinks, link => Assert.Contains(test.TestId, link.Href.ToString(), StringComparison.Ordinal));
        Assert.Equal(0, created.Run);
    }

    [Fact]
    public async Task The_published_test_carries_the_trigger_and_follow_up_of_the_plan()
    {
        await using var host = await IntakeHost.StartAsync(azurite);

        await host.HandleAsync(AlertPayloads.Message(ShopDown, "msg-1", correlationId: "corr-1"));

        var created = MessageEnvelope.ReadInstantTestCreated(Assert.Single(host.Published).Message.Body).Message!;
        Assert.Equal("https://shop.example.com/health", created.Target);
        Assert.Equal(
            (AlertSource.Alertmanager, "fp-shop", IntakeRules.Name, AlertSeverity.Warning, "msg-1", "corr-1"),
            (created.Trigger.Source, created.Trigger.AlertId, created.Trigger.Rule, created.Trigger.Severity, created.Trigger.OriginalMessageId, created.Trigger.CorrelationId));
        // The rule's follow-up (IntakeRules): collect, and one rerun five minutes later.
        Assert.True(created.FollowUp.Collect);
        Assert.Equal(1, created.FollowUp.Rerun?.Count);
        Assert.Empty(created.CoalescedAlerts);
    }

    [Fact]
    public async Task A_coalesced_alert_completes_naming_the_test_it_rides_on()
    {
        await using var host = await IntakeHost.StartAsync(azurite);
        await host.HandleAsync(AlertPayloads.Message(ShopDown, "msg-1"));
        var testId = Assert.Single(host.State.CreatedTests).TestId;

        var outcome = await host.HandleAsync(AlertPayloads.Message(
            AlertPayloads.Alertmanager(new BlackboxAlert("https://shop.example.com/health", "fp-shop-2")), "msg-2"));

        Assert.Contains($"coalesced onto {testId}", Assert.IsType<IntakeOutcome.Completed>(outcome).Reason, StringComparison.Ordinal);
        var logged = Assert.Single(host.Logs.GetSnapshot(), r => r.Id.Id == 301);
        Assert.Contains(testId, logged.Message, StringComparison.Ordinal);
        Assert.Single(host.Published);
    }
}
