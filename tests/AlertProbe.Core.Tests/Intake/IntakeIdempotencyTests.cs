using AlertProbe.Core.Messages;
using AlertProbe.Core.Outcomes;
using AlertProbe.Core.Tests.Intake.Support;
using AlertProbe.Testing.Azurite;
using Azure.Messaging.ServiceBus;
using Moq;

namespace AlertProbe.Core.Tests.Intake;

[Collection(IntakeAzurite.Name)]
public sealed class IntakeIdempotencyTests(AzuriteFixture azurite)
{
    private static readonly BlackboxAlert ShopDown = new("https://shop.example.com/health", "fp-shop");
    private static readonly BinaryData ShopDownBody = AlertPayloads.Alertmanager(ShopDown);

    [Fact]
    public async Task Twenty_concurrent_intakes_of_the_same_alert_create_exactly_one_test()
    {
        await using var host = await IntakeHost.StartAsync(azurite);

        await Task.WhenAll(Enumerable.Range(1, 20).Select(i => host.HandleAsync(AlertPayloads.Message(ShopDownBody, $"msg-{i}"))));

        Assert.Single(host.State.CreatedTests);
    }

    [Fact]
    public async Task Twenty_concurrent_intakes_of_the_same_alert_end_with_all_but_one_coalesced_onto_the_one_test()
    {
        await using var host = await IntakeHost.StartAsync(azurite);

        var outcomes = await Task.WhenAll(Enumerable.Range(1, 20).Select(i => host.HandleAsync(AlertPayloads.Message(ShopDownBody, $"msg-{i}"))));

        // An intake that met the claim while the test was still being created is attached to it and done at once.
        var completed = outcomes.Select(outcome => Assert.IsType<IntakeOutcome.Completed>(outcome).Reason).ToList();
        var testId = Assert.Single(host.State.CreatedTests).TestId;
        Assert.Equal(19, completed.Count(reason => reason.StartsWith("coalesced onto ", StringComparison.Ordinal)));
        Assert.Equal($"created {testId}", Assert.Single(completed, reason => !reason.StartsWith("coalesced onto ", StringComparison.Ordinal)));
        Assert.Single(host.Published);
        Assert.Empty(host.Scheduled);
    }

    [Fact]
    public async Task An_alert_that_met_a_pending_claim_completes_at_once_and_is_handed_back_if_that_claim_is_given_up()
    {
        await using var host = await IntakeHost.StartAsync(azurite);
        var plannedKey = await ClaimLikeAnotherIntakeAsync(host);

        var outcome = await host.HandleAsync(AlertPayloads.Message(ShopDownBody, "msg-late"));

        Assert.IsType<IntakeOutcome.Completed>(outcome);
        Assert.Empty(host.State.CreatedTests);
        var orphans = await host.Ledger.ReleaseClaimAsync(plannedKey.Key, plannedKey.ClaimId, CancellationToken.None);
        Assert.Equal(("fp-shop", "msg-late"), (Assert.Single(orphans!).AlertId, orphans![0].OriginalMessageId));
    }

    [Fact]
    public async Task Concurrent_deliveries_of_the_same_message_create_exactly_one_test()
    {
        await using var host = await IntakeHost.StartAsync(azurite);

        var outcomes = await Task.WhenAll(Enumerable.Range(1, 5).Select(i => host.HandleAsync(AlertPayloads.Message(ShopDownBody, "msg-1", deliveryCount: i))));

        Assert.Single(host.State.CreatedTests);
        Assert.DoesNotContain(outcomes, outcome => outcome is IntakeOutcome.DeadLettered or IntakeOutcome.Abandoned);
    }

    [Fact]
    public async Task The_same_alert_firing_again_after_the_cooldown_creates_a_second_test()
    {
        await using var host = await IntakeHost.StartAsync(azurite);
        await host.HandleAsync(AlertPayloads.Message(ShopDownBody, "msg-1", enqueuedTime: host.Time.GetUtcNow()));
        host.Time.Advance(TimeSpan.FromMinutes(11));

        // Enqueued when it fired: an alert is judged against a test's window by when it reached the queue.
        var outcome = await host.HandleAsync(AlertPayloads.Message(ShopDownBody, "msg-2", enqueuedTime: host.Time.GetUtcNow()));

        Assert.IsType<IntakeOutcome.Completed>(outcome);
        Assert.Equal(2, host.State.CreatedTests.Count);
    }

    [Fact]
    public async Task A_publish_failure_after_creating_abandons_the_message()
    {
        await using var host = await IntakeHost.StartAsync(azurite, options => options.ServiceBusClient = bus => IntakeServiceBus.FailingPublishes(bus, failures: 1));

        var outcome = await host.HandleAsync(AlertPayloads.Message(ShopDownBody, "msg-1"));

        Assert.IsType<IntakeOutcome.Abandoned>(outcome);
        Assert.Single(host.State.CreatedTests);
    }

    [Fact]
    public async Task A_redelivery_after_a_publish_failure_republishes_the_same_test_id_and_creates_nothing()
    {
        await using var host = await IntakeHost.StartAsync(azurite, options => options.ServiceBusClient = bus => IntakeServiceBus.FailingPublishes(bus, failures: 1));
        await host.HandleAsync(AlertPayloads.Message(ShopDownBody, "msg-1"));

        var redelivery = await host.HandleAsync(AlertPayloads.Message(ShopDownBody, "msg-1", deliveryCount: 2));

        Assert.IsType<IntakeOutcome.Completed>(redelivery);
        var test = Assert.Single(host.State.CreatedTests);
        var published = Assert.Single(host.Published).Message;
        Assert.Equal($"{test.TestId}:0", published.MessageId);
        Assert.Equal(test.TestId, MessageEnvelope.ReadInstantTestCreated(published.Body).Message?.TestId);
    }

    [Fact]
    public async Task Another_alert_for_the_same_target_after_a_publish_failure_coalesces_onto_the_created_test()
    {
        await using var host = await IntakeHost.StartAsync(azurite, options => options.ServiceBusClient = bus => IntakeServiceBus.FailingPublishes(bus, failures: 1));
        await host.HandleAsync(AlertPayloads.Message(ShopDownBody, "msg-1"));
        var testId = Assert.Single(host.State.CreatedTests).TestId;

        var outcome = await host.HandleAsync(AlertPayloads.Message(ShopDownBody, "msg-2"));

        Assert.Equal($"coalesced onto {testId}", Assert.IsType<IntakeOutcome.Completed>(outcome).Reason);
    }

    [Fact]
    public async Task A_redelivery_after_success_creates_nothing_and_publishes_nothing_new()
    {
        await using var host = await IntakeHost.StartAsync(azurite);
        await host.HandleAsync(AlertPayloads.Message(ShopDownBody, "msg-1"));
        var testId = Assert.Single(host.State.CreatedTests).TestId;

        var redelivery = await host.HandleAsync(AlertPayloads.Message(ShopDownBody, "msg-1", deliveryCount: 2));

        Assert.Equal($"already created {testId}", Assert.IsType<IntakeOutcome.Completed>(redelivery).Reason);
        Assert.Single(host.State.CreatedTests);
        Assert.Single(host.Published);
        Assert.Equal(0, host.Bus.DuplicatesDropped);
    }

    [Fact]
    public async Task A_group_with_a_refused_target_creates_the_good_test_and_dead_letters_with_the_refusal()
    {
        await using var host = await IntakeHost.StartAsync(azurite);
        var body = AlertPayloads.Alertmanager(ShopDown, new BlackboxAlert("http://169.254.169.254/latest/meta-data/", "fp-metadata"));

        var outcome = await host.HandleAsync(AlertPayloads.Message(body, "msg-group"));

        var deadLettered = Assert.IsType<IntakeOutcome.DeadLettered>(outcome);
        Assert.Equal(RejectionReasons.TargetDenied, deadLettered.Reason);
        Assert.Equal("https://shop.example.com/health", Assert.Single(host.State.CreatedTests).Target);
    }

    [Fact]
    public async Task Resubmitting_a_dead_lettered_group_creates_nothing_new()
    {
        await using var host = await IntakeHost.StartAsync(azurite);
        var body = AlertPayloads.Alertmanager(ShopDown, new BlackboxAlert("http://169.254.169.254/latest/meta-data/", "fp-metadata"));
        await host.HandleAsync(AlertPayloads.Message(body, "msg-group"));

        var resubmitted = await host.HandleAsync(AlertPayloads.Message(body, "msg-group"));

        Assert.Equal(RejectionReasons.TargetDenied, Assert.IsType<IntakeOutcome.DeadLettered>(resubmitted).Reason);
        Assert.Single(host.State.CreatedTests);
        Assert.Single(host.Published);
    }

    /// <summary>
    /// A Service Bus client whose instant-tests sender fails the first <paramref name="failures"/> sends (as the SDK
    /// does after its own retries) and then delivers to the in-memory bus; every other entity is the bus's own.
    /// </summary>
    /// <summary>Claims the alert's coalescing key the way a concurrent intake would, leaving it pending.</summary>
    private static async Task<(string Key, string ClaimId)> ClaimLikeAnotherIntakeAsync(IntakeHost host)
    {
        var planned = Assert.Single(host.Planner.Plan(ShopDownBody.ToMemory(), new AlertProbe.Core.Alerts.PayloadHints()).Tests);
        var key = planned.CoalescingKey.ToStorageKey();
        var claim = await host.Ledger.TryClaimCoalescingAsync(key, planned.Plan.AlertId, "another-intake", planned.Plan.Cooldown, CancellationToken.None);
        return (key, Assert.IsType<AlertProbe.Core.Ledger.CoalescingClaim.Claimed>(claim).ClaimId);
    }
}
