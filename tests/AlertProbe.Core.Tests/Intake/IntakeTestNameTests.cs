using AlertProbe.Core.Messages;
using Azure.Messaging.ServiceBus;
using AlertProbe.Core.Intake;
using AlertProbe.Core.Tests.Intake.Support;
using AlertProbe.Testing.Azurite;
using AlertProbe.Testing.Simulator;

namespace AlertProbe.Core.Tests.Intake;

/// <summary>
/// Test names against a persistent API (the same simulator seen by two hosts with their own ledgers, as two
/// `alertprobe run`s against `alertprobe simulator`, or a real account): the API refuses a name already used.
/// </summary>
[Collection(IntakeAzurite.Name)]
public sealed class IntakeTestNameTests(AzuriteFixture azurite)
{
    private static readonly BinaryData ShopDown = AlertPayloads.Alertmanager(new BlackboxAlert("https://shop.example.com/health", "fp-shop"));
    private static readonly DateTimeOffset FirstSent = new(2025, 1, 15, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task The_same_alert_sent_again_to_a_persistent_api_creates_a_second_test()
    {
        await using var simulator = await SimulatorFixture.StartAsync();
        await using var first = await IntakeHost.StartAsync(azurite, o => o.SharedSimulator = simulator);
        await using var second = await IntakeHost.StartAsync(azurite, o => o.SharedSimulator = simulator);

        var one = await first.HandleAsync(AlertPayloads.Message(ShopDown, "msg-shop", enqueuedTime: FirstSent));
        var two = await second.HandleAsync(AlertPayloads.Message(ShopDown, "msg-shop", enqueuedTime: FirstSent.AddMinutes(3)));

        Assert.IsType<IntakeOutcome.Completed>(one);
        Assert.True(two is IntakeOutcome.Completed, $"the second run ended {two}");
        Assert.Equal(2 * first.Published.Count, simulator.State.CreatedTests.Count);
        Assert.Equal(simulator.State.CreatedTests.Count, simulator.State.CreatedTests.Select(t => t.TestName).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public async Task A_redelivery_that_meets_its_own_earlier_name_creates_nothing_and_is_parked_as_test_id_lost()
    {
        await using var simulator = await SimulatorFixture.StartAsync();
        await using var first = await IntakeHost.StartAsync(azurite, o => o.SharedSimulator = simulator);
        // A second ledger stands for the crash between ThousandEyes' 201 and the ledger's record of it.
        await using var lostRecord = await IntakeHost.StartAsync(azurite, o => o.SharedSimulator = simulator);
        await first.HandleAsync(AlertPayloads.Message(ShopDown, "msg-shop", enqueuedTime: FirstSent));
        var created = simulator.State.CreatedTests.Count;

        var redelivered = await lostRecord.HandleAsync(AlertPayloads.Message(ShopDown, "msg-shop", deliveryCount: 2, enqueuedTime: FirstSent));

        // Completing it would say the alert was answered; its test exists but can never be followed up.
        var parked = Assert.IsType<IntakeOutcome.DeadLettered>(redelivered);
        Assert.Equal(RejectionReasons.TestIdLost, parked.Reason);
        Assert.Contains(simulator.State.CreatedTests[0].TestName, parked.Description, StringComparison.Ordinal);
        Assert.Equal(created, simulator.State.CreatedTests.Count);
    }

    [Fact]
    public async Task A_rescheduled_copy_of_a_message_meets_the_name_its_first_delivery_used()
    {
        await using var simulator = await SimulatorFixture.StartAsync();
        await using var first = await IntakeHost.StartAsync(azurite, o => o.SharedSimulator = simulator);
        await using var lostRecord = await IntakeHost.StartAsync(azurite, o => o.SharedSimulator = simulator);
        var original = AlertPayloads.Message(ShopDown, "msg-shop", enqueuedTime: FirstSent);
        await first.HandleAsync(original);
        var created = simulator.State.CreatedTests.Count;

        // The copy the scheduler sends (for a lease still held, a 429, the budget) is enqueued later than the original.
        var copy = AlertQueueScheduler.CreateRescheduledCopy(original, "IntakeLeaseHeld");
        var copyReceived = ServiceBusModelFactory.ServiceBusReceivedMessage(
            body: copy.Body, messageId: copy.MessageId, contentType: copy.ContentType, properties: copy.ApplicationProperties,
            deliveryCount: 1, sequenceNumber: 2, enqueuedTime: FirstSent.AddMinutes(2));
        var outcome = await lostRecord.HandleAsync(copyReceived);

        Assert.Equal(created, simulator.State.CreatedTests.Count);
        Assert.Equal(RejectionReasons.TestIdLost, Assert.IsType<IntakeOutcome.DeadLettered>(outcome).Reason);
    }
}
