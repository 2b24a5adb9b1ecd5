using AlertProbe.Core.Ledger;
using AlertProbe.Core.Ledger.Storage;
using AlertProbe.Core.Messages;
using AlertProbe.Core.Outcomes;
using AlertProbe.Core.Tests.Intake.Support;
using AlertProbe.Testing.Azurite;
using Microsoft.Extensions.DependencyInjection;

namespace AlertProbe.Core.Tests.Intake;

/// <summary>
/// Coalescing without waiting: an alert whose key has a pending claim (its test is being created or waits for the
/// budget) attaches to it and completes at once; the claim's test is published once carrying it; a claim refused for
/// good accounts for every alert attached to it; and no crash between steps makes a second test.
/// </summary>
[Collection(IntakeAzurite.Name)]
public sealed class IntakeCoalescingTests(AzuriteFixture azurite)
{
    private static readonly BinaryData ApiDown = AlertPayloads.Alertmanager(new BlackboxAlert("https://api.example.com/", "fp-api"));
    private static readonly BinaryData ShopDown = AlertPayloads.Alertmanager(new BlackboxAlert("https://shop.example.com/", "fp-shop-1"));
    private static readonly BinaryData ShopDownAgain = AlertPayloads.Alertmanager(new BlackboxAlert("https://shop.example.com/", "fp-shop-2"));

    [Fact]
    public async Task An_alert_meeting_a_claim_that_waits_for_the_budget_completes_at_once_without_a_copy()
    {
        await using var host = await StartWithOneTestAMinuteAsync();
        Assert.IsType<IntakeOutcome.Rescheduled>(await host.HandleAsync(AlertPayloads.Message(ShopDown, "msg-shop-1")));

        var outcome = await host.HandleAsync(AlertPayloads.Message(ShopDownAgain, "msg-shop-2"));

        Assert.StartsWith("coalesced onto the pending test for ", Assert.IsType<IntakeOutcome.Completed>(outcome).Reason, StringComparison.Ordinal);
        Assert.Equal(["msg-shop-1"], host.Scheduled.Select(m => m.Message.ApplicationProperties[MessageProperties.OriginalMessageId]));
    }

    [Fact]
    public async Task The_pending_claims_test_is_published_once_carrying_the_alerts_coalesced_onto_it()
    {
        await using var host = await StartWithOneTestAMinuteAsync();
        var waiting = Assert.IsType<IntakeOutcome.Rescheduled>(await host.HandleAsync(AlertPayloads.Message(ShopDown, "msg-shop-1")));
        await host.HandleAsync(AlertPayloads.Message(ShopDownAgain, "msg-shop-2"));

        host.Time.SetUtcNow(waiting.At);
        Assert.True(host.Bus.TryTakeDue(IntakeHost.AlertsQueue, out var copy), "the copy is due");
        Assert.IsType<IntakeOutcome.Completed>(await host.HandleAsync(copy!.ToReceivedMessage()));

        var shop = Assert.Single(host.State.CreatedTests, t => t.Target == "https://shop.example.com/");
        var published = Assert.Single(host.Published.Select(m => MessageEnvelope.ReadInstantTestCreated(m.Message.Body).Message!), p => p.TestId == shop.TestId);
        Assert.Equal("fp-shop-1", published.Trigger.AlertId);
        var rider = Assert.Single(published.CoalescedAlerts);
        Assert.Equal(("fp-shop-2", "msg-shop-2"), (rider.AlertId, rider.OriginalMessageId));
    }

    [Fact]
    public async Task A_coalesced_alert_carries_its_own_write_back_records_through_the_ledger_onto_the_published_test()
    {
        await using var host = await StartWithOneTestAMinuteAsync();
        var first = AlertPayloads.Alertmanager(new BlackboxAlert("https://shop.example.com/", "fp-shop-1") { JiraIssue = "OPS-1" });
        var second = AlertPayloads.Alertmanager(new BlackboxAlert("https://shop.example.com/", "fp-shop-2") { JiraIssue = "OPS-2" });
        var waiting = Assert.IsType<IntakeOutcome.Rescheduled>(await host.HandleAsync(AlertPayloads.Message(first, "msg-shop-1")));
        await host.HandleAsync(AlertPayloads.Message(second, "msg-shop-2"));

        host.Time.SetUtcNow(waiting.At);
        Assert.True(host.Bus.TryTakeDue(IntakeHost.AlertsQueue, out var copy), "the copy is due");
        Assert.IsType<IntakeOutcome.Completed>(await host.HandleAsync(copy!.ToReceivedMessage()));

        var shop = Assert.Single(host.State.CreatedTests, t => t.Target == "https://shop.example.com/");
        var published = Assert.Single(host.Published.Select(m => MessageEnvelope.ReadInstantTestCreated(m.Message.Body).Message!), p => p.TestId == shop.TestId);
        Assert.Equal(
            (InstantTestCreated.CurrentSchemaVersion, "OPS-1", "OPS-2"),
            (published.SchemaVersion, Assert.Single(published.WriteBack).Id, Assert.Single(Assert.Single(published.CoalescedAlerts).WriteBack).Id));
    }

    [Fact]
    public async Task Alerts_coalesced_onto_a_claim_whose_creation_is_refused_are_refused_with_it()
    {
        await using var host = await StartWithOneTestAMinuteAsync();
        var waiting = Assert.IsType<IntakeOutcome.Rescheduled>(await host.HandleAsync(AlertPayloads.Message(ShopDown, "msg-shop-1")));
        await host.HandleAsync(AlertPayloads.Message(ShopDownAgain, "msg-shop-2"));
        host.Time.SetUtcNow(waiting.At);
        host.State.FailNextRequests(400, 1, "/instant");
        Assert.True(host.Bus.TryTakeDue(IntakeHost.AlertsQueue, out var copy), "the copy is due");

        var outcome = await host.HandleAsync(copy!.ToReceivedMessage());

        var deadLettered = Assert.IsType<IntakeOutcome.DeadLettered>(outcome);
        Assert.Equal(RejectionReasons.ThousandEyesRejected, deadLettered.Reason);
        Assert.Contains("fp-shop-2 in msg-shop-2", deadLettered.Description, StringComparison.Ordinal);
        var refused = Assert.Single(host.Logs.GetSnapshot(), r => r.Id.Id == 306);
        Assert.Contains("fp-shop-2", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_a_refused_claim_the_next_alert_for_the_key_gets_a_claim_of_its_own()
    {
        await using var host = await StartWithOneTestAMinuteAsync();
        var waiting = Assert.IsType<IntakeOutcome.Rescheduled>(await host.HandleAsync(AlertPayloads.Message(ShopDown, "msg-shop-1")));
        host.Time.SetUtcNow(waiting.At);
        host.State.FailNextRequests(400, 1, "/instant");
        Assert.True(host.Bus.TryTakeDue(IntakeHost.AlertsQueue, out var copy), "the copy is due");
        await host.HandleAsync(copy!.ToReceivedMessage());
        host.Time.Advance(TimeSpan.FromMinutes(1));

        var outcome = await host.HandleAsync(AlertPayloads.Message(ShopDownAgain, "msg-shop-2"));

        Assert.StartsWith("created ", Assert.IsType<IntakeOutcome.Completed>(outcome).Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(nameof(ILedger.TryClaimCoalescingAsync))]
    [InlineData(nameof(ILedger.BeginIntakeAsync))]
    [InlineData(nameof(ILedger.CompleteClaimAsync))]
    [InlineData(nameof(ILedger.MarkCreatedAsync))]
    [InlineData(nameof(ILedger.MarkPublishedAsync))]
    public async Task A_redelivery_after_a_crash_right_after_each_ledger_step_creates_one_test_and_publishes_it_once(string step)
    {
        await using var host = await IntakeHost.StartAsync(azurite, options => options.Services = services =>
            services.AddSingleton<ILedger>(provider => new CrashingLedger(provider.GetRequiredService<ILedgerStore>(), provider.GetRequiredService<TimeProvider>(), step)));
        await Assert.ThrowsAsync<IOException>(() => host.HandleAsync(AlertPayloads.Message(ShopDown, "msg-1")));

        // Past the intake lease, as Service Bus redelivers after the crashed instance's lock is gone.
        host.Time.Advance(TimeSpan.FromMinutes(3));
        var outcome = await host.HandleAsync(AlertPayloads.Message(ShopDown, "msg-1", deliveryCount: 2));

        Assert.IsType<IntakeOutcome.Completed>(outcome);
        var test = Assert.Single(host.State.CreatedTests);
        Assert.Equal(test.TestId, MessageEnvelope.ReadInstantTestCreated(Assert.Single(host.Published).Message.Body).Message?.TestId);
    }

    [Fact]
    public async Task A_redelivered_coalesced_alert_is_coalesced_again_and_creates_nothing()
    {
        await using var host = await IntakeHost.StartAsync(azurite);
        await host.HandleAsync(AlertPayloads.Message(ShopDown, "msg-1"));
        var testId = Assert.Single(host.State.CreatedTests).TestId;
        await host.HandleAsync(AlertPayloads.Message(ShopDownAgain, "msg-2"));

        var redelivery = await host.HandleAsync(AlertPayloads.Message(ShopDownAgain, "msg-2", deliveryCount: 2));

        Assert.Equal($"coalesced onto {testId}", Assert.IsType<IntakeOutcome.Completed>(redelivery).Reason);
        Assert.Single(host.State.CreatedTests);
        Assert.Single(host.Published);
    }

    /// <summary>A budget of one test a minute, already spent on another target.</summary>
    private async Task<IntakeHost> StartWithOneTestAMinuteAsync()
    {
        var host = await IntakeHost.StartAsync(azurite, options => options.Settings["RateBudget:Limit"] = "1");
        Assert.IsType<IntakeOutcome.Completed>(await host.HandleAsync(AlertPayloads.Message(ApiDown, "msg-api")));
        return host;
    }

    /// <summary>The real ledger, but the process "crashes" (throws) right after <c>step</c> succeeded, once.</summary>
    private sealed class CrashingLedger(ILedgerStore store, TimeProvider time, string step) : StoreLedger(store, time, TimeSpan.FromMinutes(2))
    {
        private int _crashes;

        public override async Task<CoalescingClaim> TryClaimCoalescingAsync(string coalescingKey, CoalescedAlert alert, string claimant, TimeSpan cooldown, CancellationToken cancellationToken) =>
            Crash(nameof(TryClaimCoalescingAsync), await base.TryClaimCoalescingAsync(coalescingKey, alert, claimant, cooldown, cancellationToken));

        public override async Task<IntakeClaim> BeginIntakeAsync(string messageId, string planKey, CancellationToken cancellationToken) =>
            Crash(nameof(BeginIntakeAsync), await base.BeginIntakeAsync(messageId, planKey, cancellationToken));

        public override async Task<IReadOnlyList<CoalescedAlert>?> CompleteClaimAsync(string coalescingKey, string claimId, string testId, CancellationToken cancellationToken) =>
            Crash(nameof(CompleteClaimAsync), await base.CompleteClaimAsync(coalescingKey, claimId, testId, cancellationToken));

        public override async Task<bool> MarkCreatedAsync(string messageId, string planKey, string leaseId, InstantTestCreated created, CancellationToken cancellationToken) =>
            Crash(nameof(MarkCreatedAsync), await base.MarkCreatedAsync(messageId, planKey, leaseId, created, cancellationToken));

        public override async Task<bool> MarkPublishedAsync(string messageId, string planKey, CancellationToken cancellationToken) =>
            Crash(nameof(MarkPublishedAsync), await base.MarkPublishedAsync(messageId, planKey, cancellationToken));

        private T Crash<T>(string at, T result) =>
            at == step && Interlocked.Increment(ref _crashes) == 1 ? throw new IOException($"the process stopped right after {at}") : result;
    }
}
