using AlertProbe.Core.Messages;
using AlertProbe.Core.Outcomes;
using AlertProbe.Core.Tests.Intake.Support;
using AlertProbe.Testing.Azurite;

namespace AlertProbe.Core.Tests.Intake;

/// <summary>
/// Table Storage really going away mid-run (issue 15): a private Azurite, keeping its data in a folder, is stopped
/// between deliveries and started again, under the app's own Table client (default options, so the SDK's own retries
/// run and end as they would against a storage account out of reach). Messages handled while it is down wait with
/// back-off; once it is back they are handled, the ledger's rows from before the stop still count, and no test is
/// created twice.
/// </summary>
public sealed class IntakeAzuriteRestartTests
{
    private static readonly BinaryData ShopDown = AlertPayloads.Alertmanager(new BlackboxAlert("https://shop.example.com/", "fp-shop-1"));
    private static readonly BinaryData ShopDownAgain = AlertPayloads.Alertmanager(new BlackboxAlert("https://shop.example.com/", "fp-shop-2"));
    private static readonly BinaryData ApiDown = AlertPayloads.Alertmanager(new BlackboxAlert("https://api.example.com/", "fp-api-1"));

    [Fact]
    public async Task Messages_handled_while_Azurite_is_stopped_back_off_and_are_handled_once_when_it_is_started_again()
    {
        var azurite = await AzuriteFixture.StartRestartableAsync();
        try
        {
            await using var host = await IntakeHost.StartAsync(azurite);
            var before = await host.HandleAsync(AlertPayloads.Message(ShopDown, "msg-shop-1", enqueuedTime: host.Time.GetUtcNow()));

            await azurite.StopAsync();
            var down = new List<IntakeOutcome>();
            foreach (var (body, id) in new[] { (ApiDown, "msg-api-1"), (ShopDownAgain, "msg-shop-2") })
            {
                down.Add(await host.HandleAsync(AlertPayloads.Message(body, id, enqueuedTime: host.Time.GetUtcNow())));
            }

            await azurite.StartAgainAsync();
            var after = new List<IntakeOutcome>();
            host.Time.Advance(TimeSpan.FromSeconds(10));
            while (host.Bus.TryTakeDue(IntakeHost.AlertsQueue, out var copy))
            {
                after.Add(await host.HandleAsync(copy!.ToReceivedMessage()));
            }

            // Before: the SDK's AggregateException escaped the intake's storage back-off, so each delivery threw (the host
            // abandons; ten quick redeliveries inside an outage and the broker dead-letters the message).
            Assert.IsType<IntakeOutcome.Completed>(before);
            Assert.All(down, outcome => Assert.Contains("HTTP 0", Assert.IsType<IntakeOutcome.Rescheduled>(outcome).Reason, StringComparison.Ordinal));
            Assert.Equal(2, after.Count);
            Assert.All(after, outcome => Assert.IsType<IntakeOutcome.Completed>(outcome));
            Assert.Equal(
                ["https://api.example.com/", "https://shop.example.com/"],
                host.State.CreatedTests.Select(test => test.Target).Order(StringComparer.Ordinal));
            Assert.Equal(2, host.Published.Count);
            Assert.Contains(after, outcome => ((IntakeOutcome.Completed)outcome).Reason.Contains("coalesced", StringComparison.Ordinal));
            Assert.False(host.Bus.TryTakeDue(IntakeHost.AlertsQueue, out _), "nothing is left scheduled");
        }
        finally
        {
            await azurite.DisposeAsync();
        }
    }
}
