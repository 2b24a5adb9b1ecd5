using AlertProbe.Core.Outcomes;
using AlertProbe.Core.Tests.Intake.Support;
using AlertProbe.Testing.Azurite;

namespace AlertProbe.Core.Tests.Intake;

/// <summary>
/// Why a message waits, is abandoned or dead-lettered is what an operator reads (the outcome is logged, and a dead-letter
/// carries its description): each cause says what it is, and the claim is held while a copy waits.
/// </summary>
[Collection(IntakeAzurite.Name)]
public sealed class IntakeOutcomeReasonTests(AzuriteFixture azurite)
{
    private static readonly BinaryData ShopDown = AlertPayloads.Alertmanager(new BlackboxAlert("https://shop.example.com/", "fp-shop-1"));
    private static readonly BinaryData ShopDownAgain = AlertPayloads.Alertmanager(new BlackboxAlert("https://shop.example.com/", "fp-shop-2"));
    private static readonly BinaryData ApiDown = AlertPayloads.Alertmanager(new BlackboxAlert("https://api.example.com/", "fp-api"));

    [Fact]
    public async Task A_message_waiting_for_the_budget_says_the_budget_is_spent()
    {
        await using var host = await IntakeHost.StartAsync(azurite, options => options.Settings["RateBudget:Limit"] = "1");
        await host.HandleAsync(AlertPayloads.Message(ApiDown, "msg-api"));

        var outcome = await host.HandleAsync(AlertPayloads.Message(ShopDown, "msg-shop"));

        Assert.StartsWith("instant-test rate budget spent (WindowUsed)", Assert.IsType<IntakeOutcome.Rescheduled>(outcome).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_message_answered_429_says_so()
    {
        await using var host = await IntakeHost.StartAsync(azurite);
        host.State.FailNextRequests(429, 1, "/instant");

        var outcome = await host.HandleAsync(AlertPayloads.Message(ShopDown, "msg-shop"));

        Assert.StartsWith("ThousandEyes answered 429", Assert.IsType<IntakeOutcome.Rescheduled>(outcome).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_message_waiting_for_the_credential_circuit_says_the_credentials_were_rejected()
    {
        await using var host = await IntakeHost.StartAsync(azurite, options => options.Settings["ThousandEyes:BearerToken"] = "not-the-simulators-token");
        await host.HandleAsync(AlertPayloads.Message(ShopDown, "msg-1"));

        var outcome = await host.HandleAsync(AlertPayloads.Message(ApiDown, "msg-2"));

        Assert.StartsWith("ThousandEyes rejected the credentials; not calling it again before ", Assert.IsType<IntakeOutcome.Rescheduled>(outcome).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_publish_failure_after_creating_says_the_redelivery_publishes_without_creating_another()
    {
        await using var host = await IntakeHost.StartAsync(azurite, options => options.ServiceBusClient = bus => IntakeServiceBus.FailingPublishes(bus, failures: 1));

        var outcome = await host.HandleAsync(AlertPayloads.Message(ShopDown, "msg-1"));

        var testId = Assert.Single(host.State.CreatedTests).TestId;
        Assert.StartsWith($"created test {testId} but could not publish it", Assert.IsType<IntakeOutcome.Abandoned>(outcome).Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_create_still_failing_on_the_last_delivery_is_dead_lettered_naming_the_test_and_the_error()
    {
        await using var host = await IntakeHost.StartAsync(azurite);
        host.State.FailNextRequests(500, 1, "/instant");

        var outcome = await host.HandleAsync(AlertPayloads.Message(ShopDown, "msg-1", deliveryCount: 10));

        var deadLettered = Assert.IsType<IntakeOutcome.DeadLettered>(outcome);
        Assert.Equal(RejectionReasons.DeliveriesExhausted, deadLettered.Reason);
        Assert.Contains($"the http-server test for https://shop.example.com/ (rule '{IntakeRules.Name}') still failed on the message's last delivery: ", deadLettered.Description, StringComparison.Ordinal);
        Assert.Contains("500", deadLettered.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_delivery_meeting_another_delivery_s_live_lease_waits_for_it_saying_so()
    {
        await using var host = await IntakeHost.StartAsync(azurite);
        // The other delivery claimed the intake (and, as the same claimant, the coalescing key) and is still working.
        var planned = Assert.Single(await PlansAsync(host, ShopDown));
        await host.Ledger.BeginIntakeAsync("msg-1", planned.PlanKey, CancellationToken.None);

        var outcome = await host.HandleAsync(AlertPayloads.Message(ShopDown, "msg-1", deliveryCount: 2));

        Assert.StartsWith("another delivery of this message holds the intake lease", Assert.IsType<IntakeOutcome.Rescheduled>(outcome).Reason, StringComparison.Ordinal);
        Assert.Empty(host.CreateRequests);
    }

    [Fact]
    public async Task While_a_copy_waits_for_the_budget_alerts_for_its_key_keep_riding_on_its_claim_until_the_copy_is_due_and_after()
    {
        await using var host = await IntakeHost.StartAsync(azurite, options => options.Settings["RateBudget:Limit"] = "1");
        await host.HandleAsync(AlertPayloads.Message(ApiDown, "msg-api"));
        var waiting = Assert.IsType<IntakeOutcome.Rescheduled>(await host.HandleAsync(AlertPayloads.Message(ShopDown, "msg-shop-1")));

        // Right at the copy's due time, and a minute later (within Intake:PendingClaimGrace, 2 minutes): still pending.
        host.Time.SetUtcNow(waiting.At);
        var atDue = await host.HandleAsync(AlertPayloads.Message(ShopDownAgain, "msg-shop-2"));
        host.Time.SetUtcNow(waiting.At.AddMinutes(1));
        var later = await host.HandleAsync(AlertPayloads.Message(ShopDownAgain, "msg-shop-3"));

        Assert.StartsWith("coalesced onto the pending test", Assert.IsType<IntakeOutcome.Completed>(atDue).Reason, StringComparison.Ordinal);
        Assert.StartsWith("coalesced onto the pending test", Assert.IsType<IntakeOutcome.Completed>(later).Reason, StringComparison.Ordinal);
    }

    private static Task<IReadOnlyList<AlertProbe.Core.Intake.PlannedTest>> PlansAsync(IntakeHost host, BinaryData body) =>
        Task.FromResult(host.Planner.Plan(body.ToMemory(), new AlertProbe.Core.Alerts.PayloadHints { MessageId = "msg-1", ContentType = "application/json" }).Tests);
}
