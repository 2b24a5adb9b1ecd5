using AlertProbe.Core.Messages;
using AlertProbe.Core.Tests.FollowUp.Support;
using AlertProbe.Testing.Azurite;

namespace AlertProbe.Core.Tests.FollowUp;

/// <summary>The redelivery guarantees on the real ledger (Table Storage on Azurite), not only the in-memory one.</summary>
[Collection(FollowUpAzurite.Name)]
public sealed class TableStorageFollowUpTests(AzuriteFixture azurite)
{
    private Task<FollowUpHost> StartAsync() => FollowUpHost.StartAsync(new Dictionary<string, string?>
    {
        ["Ledger:Kind"] = "TableStorage",
        ["Ledger:ConnectionString"] = azurite.ConnectionString,
        ["Ledger:TableNamePrefix"] = "fu" + Guid.NewGuid().ToString("N")[..12],
    });

    [Fact]
    public async Task Three_reruns_with_every_message_delivered_twice_make_three_rerun_calls()
    {
        await using var host = await StartAsync();
        var created = await host.CreateTestAsync("https://azurite-reruns.example.com/", new FollowUpInstructions
        {
            Collect = false,
            Rerun = new RerunInstructions { Count = 3, Interval = TimeSpan.FromMinutes(1) },
        });

        do
        {
            await host.DeliverDueAsync(deliveries: 2);
        }
        while (host.AdvanceToNextDue());

        Assert.Equal(4, host.Simulator.State.FindTest(created.TestId)!.RunCount);
    }

    [Fact]
    public async Task Every_run_gets_exactly_one_reply_with_every_message_delivered_twice()
    {
        await using var host = await StartAsync();
        await host.CreateTestAsync(
            "https://azurite-replies.example.com/",
            new FollowUpInstructions { Collect = true, Rerun = new RerunInstructions { Count = 2, Interval = TimeSpan.FromMinutes(2) } },
            new ReplyAddress { Kind = ReplyKind.Webhook, Url = host.Receiver.Url() });

        do
        {
            await host.DeliverDueAsync(deliveries: 2);
        }
        while (host.AdvanceToNextDue());

        var runs = host.Receiver.Replies.Select(reply => MessageEnvelope.ReadInstantTestResults(BinaryData.FromString(reply.Body)).Message!.Run);
        Assert.Equal([0, 1, 2], runs.Order());
    }
}
