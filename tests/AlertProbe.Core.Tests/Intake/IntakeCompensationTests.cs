using AlertProbe.Core.Ledger.Storage;
using AlertProbe.Core.Messages;
using AlertProbe.Core.Outcomes;
using AlertProbe.Core.Tests.Intake.Support;
using AlertProbe.Testing.Azurite;
using Azure.Data.Tables;
using Azure.Messaging.ServiceBus;
using Moq;

namespace AlertProbe.Core.Tests.Intake;

/// <summary>
/// What the creator does when a step after the decision fails: the claim completion (the test is carried on the copy),
/// the copy's late arrival (its creating lease has passed), the publish mark, and a copy that cannot be scheduled (the
/// claim is given up on the last delivery, or the carried test is published as it is).
/// </summary>
[Collection(IntakeAzurite.Name)]
public sealed class IntakeCompensationTests(AzuriteFixture azurite)
{
    private static readonly BinaryData ShopDown = AlertPayloads.Alertmanager(new BlackboxAlert("https://shop.example.com/", "fp-shop-1"));
    private static readonly BinaryData ShopDownAgain = AlertPayloads.Alertmanager(new BlackboxAlert("https://shop.example.com/", "fp-shop-2"));
    private static readonly BinaryData ApiDown = AlertPayloads.Alertmanager(new BlackboxAlert("https://api.example.com/", "fp-api"));

    private static bool IsRecordCreated(TableEntity e) => e.GetString("State") == "Created";

    private static bool IsClaimCompletion(TableEntity e) => e.RowKey == "claim" && !string.IsNullOrEmpty(e.GetString("TestId"));

    private static InstantTestCreated[] PublishedTests(IntakeHost host) =>
        [.. host.Published.Select(m => MessageEnvelope.ReadInstantTestCreated(m.Message.Body).Message!)];

    [Fact]
    public async Task A_recorded_test_whose_claim_completion_fails_is_rescheduled_saying_it_was_recorded()
    {
        var (host, store) = await StartAsync();
        await using var _ = host;
        store.FailNextWrite("complete claim", LedgerTable.Coalescing, IsClaimCompletion);

        var first = Assert.IsType<IntakeOutcome.Rescheduled>(await host.HandleAsync(AlertPayloads.Message(ShopDown, "msg-shop-1")));

        Assert.Contains("created and recorded test", first.Reason, StringComparison.Ordinal);
        Assert.Empty(host.Published);
        Assert.Single(host.State.CreatedTests);
    }

    [Fact]
    public async Task A_test_whose_record_and_claim_completion_both_fail_is_rescheduled_saying_both_failed()
    {
        var (host, store) = await StartAsync();
        await using var _ = host;
        store.FailNextWrite("record created", LedgerTable.Intake, IsRecordCreated);
        store.FailNextWrite("complete claim", LedgerTable.Coalescing, IsClaimCompletion);

        var first = Assert.IsType<IntakeOutcome.Rescheduled>(await host.HandleAsync(AlertPayloads.Message(ShopDown, "msg-shop-1")));

        Assert.Contains("storage failed both recording it and completing its claim", first.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_copy_of_a_recorded_test_publishes_it_once_with_its_riders_and_a_redelivery_of_the_copy_adds_nothing()
    {
        var (host, store) = await StartAsync();
        await using var _ = host;
        store.FailNextWrite("complete claim", LedgerTable.Coalescing, IsClaimCompletion);
        var first = Assert.IsType<IntakeOutcome.Rescheduled>(await host.HandleAsync(AlertPayloads.Message(ShopDown, "msg-shop-1")));
        Assert.IsType<IntakeOutcome.Completed>(await host.HandleAsync(AlertPayloads.Message(ShopDownAgain, "msg-shop-2")));
        host.Time.SetUtcNow(first.At);
        Assert.True(host.Bus.TryTakeDue(IntakeHost.AlertsQueue, out var copy), "the copy is due");

        var settled = await host.HandleAsync(copy!.ToReceivedMessage());
        var again = await host.HandleAsync(copy.ToReceivedMessage(deliveryCount: 2));

        Assert.IsType<IntakeOutcome.Completed>(settled);
        Assert.StartsWith("already created ", Assert.IsType<IntakeOutcome.Completed>(again).Reason, StringComparison.Ordinal);
        var created = Assert.Single(host.State.CreatedTests);
        var published = Assert.Single(PublishedTests(host));
        Assert.Equal(created.TestId, published.TestId);
        Assert.Equal(["fp-shop-2"], published.CoalescedAlerts.Select(a => a.AlertId));
    }

    [Fact]
    public async Task A_copy_arriving_after_the_creating_lease_expired_records_the_test_under_its_own_lease_so_a_redelivery_finds_it_done()
    {
        var (host, store) = await StartAsync();
        await using var _ = host;
        store.FailNextWrite("record created", LedgerTable.Intake, IsRecordCreated);
        store.FailNextWrite("complete claim", LedgerTable.Coalescing, IsClaimCompletion);
        var first = Assert.IsType<IntakeOutcome.Rescheduled>(await host.HandleAsync(AlertPayloads.Message(ShopDown, "msg-shop-1")));
        // The creating delivery's lease (Ledger:IntakeLease, 2 minutes by default) has run out when the copy comes.
        host.Time.SetUtcNow(first.At.AddMinutes(5));
        Assert.True(host.Bus.TryTakeDue(IntakeHost.AlertsQueue, out var copy), "the copy is due");

        var settled = await host.HandleAsync(copy!.ToReceivedMessage());
        var redelivered = await host.HandleAsync(AlertPayloads.Message(ShopDown, "msg-shop-1", deliveryCount: 2));

        Assert.IsType<IntakeOutcome.Completed>(settled);
        Assert.StartsWith("already created ", Assert.IsType<IntakeOutcome.Completed>(redelivered).Reason, StringComparison.Ordinal);
        Assert.Single(host.State.CreatedTests);
        Assert.Single(host.Published);
    }

    [Fact]
    public async Task A_publish_mark_that_storage_fails_still_completes_and_a_redelivery_republishes_the_same_test()
    {
        var (host, store) = await StartAsync();
        await using var _ = host;
        store.FailNextWrite("mark published", LedgerTable.Intake, e => e.GetString("State") == "Published");

        var outcome = await host.HandleAsync(AlertPayloads.Message(ShopDown, "msg-shop-1"));
        var redelivered = await host.HandleAsync(AlertPayloads.Message(ShopDown, "msg-shop-1", deliveryCount: 2));

        Assert.Equal(["mark published"], store.Thrown);
        Assert.StartsWith("created ", Assert.IsType<IntakeOutcome.Completed>(outcome).Reason, StringComparison.Ordinal);
        Assert.Single(host.Logs.GetSnapshot(), r => r.Id.Id == 312);
        Assert.IsType<IntakeOutcome.Completed>(redelivered);
        // Republished under the same message id, which the topic's duplicate detection drops.
        var created = Assert.Single(host.State.CreatedTests);
        Assert.Equal(created.TestId, Assert.Single(PublishedTests(host)).TestId);
        Assert.Equal(1, host.Bus.DuplicatesDropped);
    }

    [Fact]
    public async Task A_waiting_plan_whose_copy_cannot_be_scheduled_on_the_last_delivery_gives_its_claim_up_naming_its_riders()
    {
        var failSchedules = false;
        var (host, _) = await StartAsync(bus => FailingSchedules(bus, () => Volatile.Read(ref failSchedules)), ("RateBudget:Limit", "1"));
        await using var __ = host;
        Assert.IsType<IntakeOutcome.Completed>(await host.HandleAsync(AlertPayloads.Message(ApiDown, "msg-api")));
        Volatile.Write(ref failSchedules, true);
        // A middle delivery cannot schedule its copy either: the exception reaches the host, which abandons the message.
        await Assert.ThrowsAsync<ServiceBusException>(() => host.HandleAsync(AlertPayloads.Message(ShopDown, "msg-shop-1")));
        Assert.StartsWith("coalesced onto the pending test", Assert.IsType<IntakeOutcome.Completed>(
            await host.HandleAsync(AlertPayloads.Message(ShopDownAgain, "msg-shop-2"))).Reason, StringComparison.Ordinal);

        var last = await host.HandleAsync(AlertPayloads.Message(ShopDown, "msg-shop-1", deliveryCount: 10));

        var deadLettered = Assert.IsType<IntakeOutcome.DeadLettered>(last);
        Assert.Equal(RejectionReasons.DeliveriesExhausted, deadLettered.Reason);
        Assert.Contains("could not be scheduled", deadLettered.Description, StringComparison.Ordinal);
        Assert.Contains("fp-shop-2 in msg-shop-2", deadLettered.Description, StringComparison.Ordinal);

        // Given up: the key is free, so the next alert claims it instead of riding on a dead claim.
        Volatile.Write(ref failSchedules, false);
        // Past the windows the two waiting deliveries booked slots in.
        host.Time.Advance(TimeSpan.FromMinutes(5));
        var next = await host.HandleAsync(AlertPayloads.Message(ShopDownAgain, "msg-shop-3"));
        Assert.StartsWith("created ", Assert.IsType<IntakeOutcome.Completed>(next).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_carried_test_whose_copy_cannot_be_scheduled_is_published_as_it_is()
    {
        var (host, store) = await StartAsync(bus => FailingSchedules(bus, () => true));
        await using var _ = host;
        store.FailNextWrite("record created", LedgerTable.Intake, IsRecordCreated);
        store.FailNextWrite("complete claim", LedgerTable.Coalescing, IsClaimCompletion);

        var outcome = await host.HandleAsync(AlertPayloads.Message(ShopDown, "msg-shop-1"));

        Assert.Contains("published without the alerts coalesced onto it", Assert.IsType<IntakeOutcome.Completed>(outcome).Reason, StringComparison.Ordinal);
        var created = Assert.Single(host.State.CreatedTests);
        Assert.Equal(created.TestId, Assert.Single(PublishedTests(host)).TestId);
        Assert.Single(host.Logs.GetSnapshot(), r => r.Id.Id == 311);
    }

    /// <summary>The in-memory bus, except that scheduling a copy on the alerts queue fails as the SDK does after its retries.</summary>
    private static ServiceBusClient FailingSchedules(InMemoryMessageBus bus, Func<bool> fail)
    {
        var queue = bus.Client.CreateSender(IntakeHost.AlertsQueue);
        var sender = new Mock<ServiceBusSender>();
        sender.SetupGet(s => s.EntityPath).Returns(IntakeHost.AlertsQueue);
        sender.Setup(s => s.ScheduleMessageAsync(It.IsAny<ServiceBusMessage>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()))
            .Returns((ServiceBusMessage message, DateTimeOffset at, CancellationToken cancellationToken) => fail()
                ? Task.FromException<long>(new ServiceBusException("The broker did not answer in time.", ServiceBusFailureReason.ServiceTimeout))
                : queue.ScheduleMessageAsync(message, at, cancellationToken));
        var client = new Mock<ServiceBusClient>();
        client.Setup(c => c.CreateSender(It.IsAny<string>()))
            .Returns((string name) => name == IntakeHost.AlertsQueue ? sender.Object : bus.Client.CreateSender(name));
        return client.Object;
    }

    private Task<(IntakeHost Host, ScriptedFailureLedgerStore Store)> StartAsync(
        Func<InMemoryMessageBus, ServiceBusClient>? serviceBus = null, params (string Key, string Value)[] settings) =>
        ScriptedFailureLedgerStore.StartIntakeAsync(azurite, serviceBus, settings);
}
