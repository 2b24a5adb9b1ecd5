using AlertProbe.Core.Ledger.Storage;
using AlertProbe.Core.Messages;
using AlertProbe.Core.Outcomes;
using AlertProbe.Core.Tests.Intake.Support;
using AlertProbe.Testing.Azurite;
using Azure;
using Azure.Messaging.ServiceBus;

namespace AlertProbe.Core.Tests.Intake;

/// <summary>
/// Storage failing after the Table client's own retries (issue 15): a message waits it out with back-off instead of burning
/// its deliveries, and a test created while storage fails is never lost, never created twice, and still carries the alerts
/// that coalesced onto it.
/// </summary>
[Collection(IntakeAzurite.Name)]
public sealed class IntakeStorageFailureTests(AzuriteFixture azurite)
{
    private static readonly BinaryData ShopDown = AlertPayloads.Alertmanager(new BlackboxAlert("https://shop.example.com/", "fp-shop-1"));
    private static readonly BinaryData ShopDownAgain = AlertPayloads.Alertmanager(new BlackboxAlert("https://shop.example.com/", "fp-shop-2"));

    [Fact]
    public async Task A_test_whose_record_and_claim_completion_both_fail_is_published_by_the_copy_with_the_alerts_that_coalesced_meanwhile()
    {
        var (host, store) = await StartAsync();
        await using var _ = host;
        store.FailNextWrite("record created", LedgerTable.Intake, e => e.GetString("State") == "Created");
        store.FailNextWrite("complete claim", LedgerTable.Coalescing, e => e.RowKey == "claim" && !string.IsNullOrEmpty(e.GetString("TestId")));

        var first = Assert.IsType<IntakeOutcome.Rescheduled>(await host.HandleAsync(AlertPayloads.Message(ShopDown, "msg-shop-1")));
        var rider = await host.HandleAsync(AlertPayloads.Message(ShopDownAgain, "msg-shop-2"));
        host.Time.SetUtcNow(first.At);
        Assert.True(host.Bus.TryTakeDue(IntakeHost.AlertsQueue, out var copy), "the copy is due");
        var settled = await host.HandleAsync(copy!.ToReceivedMessage());

        // Before: the test was published at once without the rider, which stayed on the claim with no test ever naming it.
        Assert.Equal(["record created", "complete claim"], store.Thrown);
        Assert.IsType<IntakeOutcome.Completed>(rider);
        Assert.IsType<IntakeOutcome.Completed>(settled);
        var created = Assert.Single(host.State.CreatedTests);
        var published = Assert.Single(host.Published.Select(m => MessageEnvelope.ReadInstantTestCreated(m.Message.Body).Message!));
        Assert.Equal(created.TestId, published.TestId);
        Assert.Equal(["fp-shop-2"], published.CoalescedAlerts.Select(a => a.AlertId));
    }

    [Fact]
    public async Task A_test_created_unrecorded_whose_publish_fails_is_settled_by_the_copy_and_not_declared_lost()
    {
        var publishFailures = 1;
        var (host, store) = await StartAsync(bus => IntakeServiceBus.FailingPublishes(bus, () => Interlocked.Decrement(ref publishFailures) >= 0));
        await using var _ = host;
        store.FailNextWrite("record created", LedgerTable.Intake, e => e.GetString("State") == "Created");

        var first = Assert.IsType<IntakeOutcome.Rescheduled>(await host.HandleAsync(AlertPayloads.Message(ShopDown, "msg-shop-1")));
        host.Time.SetUtcNow(first.At);
        Assert.True(host.Bus.TryTakeDue(IntakeHost.AlertsQueue, out var copy), "the copy is due");
        var settled = await host.HandleAsync(copy!.ToReceivedMessage());

        // Before: abandoned; the redelivery met the test's own name and dead-lettered the message as TestIdLost.
        Assert.IsType<IntakeOutcome.Completed>(settled);
        var created = Assert.Single(host.State.CreatedTests);
        Assert.Equal(created.TestId, MessageEnvelope.ReadInstantTestCreated(Assert.Single(host.Published).Message.Body).Message!.TestId);
    }

    [Fact]
    public async Task While_storage_is_down_the_message_is_rescheduled_with_doubling_waits_and_is_handled_once_storage_is_back()
    {
        var (host, store) = await StartAsync();
        await using var _ = host;
        store.FailEverything = 0;
        var waits = new List<TimeSpan>();
        var delivery = AlertPayloads.Message(ShopDown, "msg-shop-1");
        for (var i = 0; i < 5; i++)
        {
            var now = host.Time.GetUtcNow();
            var outcome = Assert.IsType<IntakeOutcome.Rescheduled>(await host.HandleAsync(delivery));
            waits.Add(outcome.At - now);
            host.Time.SetUtcNow(outcome.At);
            Assert.True(host.Bus.TryTakeDue(IntakeHost.AlertsQueue, out var copy), "the copy is due");
            delivery = copy!.ToReceivedMessage();
        }

        store.FailEverything = null;
        var handled = await host.HandleAsync(delivery);

        // Before: every delivery threw (abandoned, redelivered at once), so a longer outage dead-lettered the message.
        Assert.Equal([10, 10, 20, 40, 80], waits.Select(w => w.TotalSeconds));
        Assert.IsType<IntakeOutcome.Completed>(handled);
        Assert.Single(host.State.CreatedTests);
        Assert.False(host.Bus.TryTakeDue(IntakeHost.AlertsQueue, out var __), "nothing else is scheduled");
    }

    [Fact]
    public async Task A_message_storage_keeps_failing_for_longer_than_StorageRetryFor_is_dead_lettered_as_StorageUnavailable()
    {
        var (host, store) = await StartAsync(settings: ("Intake:StorageRetryFor", "00:01:00"));
        await using var _ = host;
        store.FailEverything = 503;
        var delivery = AlertPayloads.Message(ShopDown, "msg-shop-1");
        IntakeOutcome outcome;
        var deliveries = 0;
        while ((outcome = await host.HandleAsync(delivery)) is IntakeOutcome.Rescheduled rescheduled && ++deliveries < 20)
        {
            host.Time.SetUtcNow(rescheduled.At);
            Assert.True(host.Bus.TryTakeDue(IntakeHost.AlertsQueue, out var copy), "the copy is due");
            delivery = copy!.ToReceivedMessage();
        }

        var deadLettered = Assert.IsType<IntakeOutcome.DeadLettered>(outcome);
        Assert.Equal(RejectionReasons.StorageUnavailable, deadLettered.Reason);
        Assert.Contains("HTTP 503 ServerBusy", deadLettered.Description, StringComparison.Ordinal);
        Assert.Equal(4, deliveries); // 0 s, 10 s, 20 s, 40 s: the fifth delivery, at 80 s, is past the minute.
    }

    [Fact]
    public async Task A_storage_error_that_waiting_cannot_fix_is_left_to_the_host_instead_of_being_rescheduled()
    {
        var (host, store) = await StartAsync();
        await using var _ = host;
        store.FailEverything = 403;

        var thrown = await Assert.ThrowsAsync<RequestFailedException>(() => host.HandleAsync(AlertPayloads.Message(ShopDown, "msg-shop-1")));

        Assert.Equal(403, thrown.Status);
        Assert.Empty(host.Scheduled);
    }

    private Task<(IntakeHost Host, ScriptedFailureLedgerStore Store)> StartAsync(
        Func<InMemoryMessageBus, ServiceBusClient>? serviceBus = null, params (string Key, string Value)[] settings) =>
        ScriptedFailureLedgerStore.StartIntakeAsync(azurite, serviceBus, settings);
}
