using AlertProbe.Core.FollowUp;
using AlertProbe.Core.Messages;
using AlertProbe.Core.Outcomes;
using AlertProbe.Core.RateLimiting;
using AlertProbe.Core.Tests.FollowUp.Support;

namespace AlertProbe.Core.Tests.FollowUp;

/// <summary>Rerun policies against the simulator over loopback: exactly N reruns, also when every message is delivered more than once.</summary>
public sealed class RerunTestsHandlerTests
{
    private static FollowUpInstructions Policy(int count, bool stopWhenResolved = true) => new()
    {
        Collect = false,
        Rerun = new RerunInstructions { Count = count, Interval = TimeSpan.FromMinutes(2), StopWhenResolved = stopWhenResolved },
    };

    [Theory]
    [InlineData(1, 1)]
    [InlineData(3, 1)]
    [InlineData(3, 3)]
    public async Task A_policy_of_n_reruns_makes_exactly_n_rerun_calls(int count, int deliveries)
    {
        await using var host = await FollowUpHost.StartAsync();
        var created = await host.CreateTestAsync("https://reruns.example.com/", Policy(count));

        do
        {
            await host.DeliverDueAsync(deliveries);
        }
        while (host.AdvanceToNextDue());

        Assert.Equal(1 + count, host.Simulator.State.FindTest(created.TestId)!.RunCount);
    }

    [Fact]
    public async Task Each_rerun_is_announced_for_collection_and_only_the_last_stops_the_chain()
    {
        await using var host = await FollowUpHost.StartAsync();
        await host.CreateTestAsync("https://announced.example.com/", Policy(2) with { Collect = true });

        do
        {
            await host.DeliverDueAsync(collect: false);
        }
        while (host.AdvanceToNextDue());

        var runs = host.Bus.History("instant-tests").Where(m => m.Message.Subject == MessageSubjects.InstantTestCreated);
        Assert.Equal(
            [(0, true, true), (1, true, true), (2, true, false)],
            runs.Select(m => ((int)m.Message.ApplicationProperties[MessageProperties.Run], (bool)m.Message.ApplicationProperties[MessageProperties.Collect], (bool)m.Message.ApplicationProperties[MessageProperties.Rerun])));
    }

    [Fact]
    public async Task A_rerun_falls_due_one_interval_after_the_previous_run()
    {
        await using var host = await FollowUpHost.StartAsync();
        var created = await host.CreateTestAsync("https://interval.example.com/", Policy(1));

        var outcome = Assert.Single(await host.DeliverDueAsync());

        var due = Assert.Single(host.Bus.Pending("instant-tests"));
        Assert.Equal(
            (created.CreatedAt.AddMinutes(2), FollowUpSubjects.RerunDue, $"{created.TestId}:rerun:1", false, created.CreatedAt.AddMinutes(2)),
            (due.ScheduledFor!.Value, due.Message.Subject, due.Message.MessageId, (bool)due.Message.ApplicationProperties[MessageProperties.Collect], Assert.IsType<IntakeOutcome.Rescheduled>(outcome).At));
    }

    [Fact]
    public async Task Reruns_stop_once_the_alert_resolves()
    {
        await using var host = await FollowUpHost.StartAsync();
        var created = await host.CreateTestAsync("https://resolves.example.com/", Policy(3), alertId: "alert-resolving");
        await host.DeliverDueAsync();
        host.AdvanceToNextDue();
        await host.DeliverDueAsync();
        await host.Ledger.RecordAlertResolvedAsync(created.Trigger.Source, "alert-resolving", host.Time.GetUtcNow(), CancellationToken.None);

        while (host.AdvanceToNextDue())
        {
            await host.DeliverDueAsync();
        }

        Assert.Equal(2, host.Simulator.State.FindTest(created.TestId)!.RunCount);
    }

    [Fact]
    public async Task A_resolution_from_before_the_test_does_not_stop_its_reruns()
    {
        await using var host = await FollowUpHost.StartAsync();
        var earlier = host.Time.GetUtcNow().AddHours(-1);
        await host.Ledger.RecordAlertResolvedAsync(AlertProbe.Core.Alerts.AlertSource.Manual, "alert-refired", earlier, CancellationToken.None);
        var created = await host.CreateTestAsync("https://refired.example.com/", Policy(2), alertId: "alert-refired");

        do
        {
            await host.DeliverDueAsync();
        }
        while (host.AdvanceToNextDue());

        Assert.Equal(3, host.Simulator.State.FindTest(created.TestId)!.RunCount);
    }

    [Fact]
    public async Task A_policy_that_ignores_resolution_keeps_rerunning()
    {
        await using var host = await FollowUpHost.StartAsync();
        var created = await host.CreateTestAsync("https://ignores.example.com/", Policy(2, stopWhenResolved: false), alertId: "alert-ignored");
        await host.Ledger.RecordAlertResolvedAsync(created.Trigger.Source, "alert-ignored", host.Time.GetUtcNow(), CancellationToken.None);

        do
        {
            await host.DeliverDueAsync();
        }
        while (host.AdvanceToNextDue());

        Assert.Equal(3, host.Simulator.State.FindTest(created.TestId)!.RunCount);
    }

    [Fact]
    public async Task A_429_from_thousandeyes_puts_the_rerun_off_and_it_is_made_once_later()
    {
        await using var host = await FollowUpHost.StartAsync();
        var created = await host.CreateTestAsync("https://limited.example.com/", Policy(1));
        await host.DeliverDueAsync();
        host.AdvanceToNextDue();
        host.Simulator.State.FailNextRequests(429, 1, "/run");

        var outcome = Assert.Single(await host.DeliverDueAsync(deliveries: 2));
        while (host.AdvanceToNextDue())
        {
            await host.DeliverDueAsync(deliveries: 2);
        }

        Assert.Equal((typeof(IntakeOutcome.Rescheduled), 2), (outcome.GetType(), host.Simulator.State.FindTest(created.TestId)!.RunCount));
    }

    [Fact]
    public async Task A_spent_rate_budget_puts_the_rerun_off_until_the_budget_resets()
    {
        await using var host = await FollowUpHost.StartAsync(new Dictionary<string, string?> { ["RateBudget:Limit"] = "1", ["RateBudget:HighSeverityReservePercent"] = "0" });
        var created = await host.CreateTestAsync("https://budget.example.com/", Policy(2));
        await host.DeliverDueAsync();
        host.AdvanceToNextDue();
        await host.DeliverDueAsync();
        host.AdvanceToNextDue();
        Assert.IsType<RateBudgetDecision.Acquired>(await host.Budget.TryAcquireAsync(AlertProbe.Core.Alerts.AlertSeverity.Critical, CancellationToken.None));

        var outcome = Assert.Single(await host.DeliverDueAsync());
        while (host.AdvanceToNextDue())
        {
            await host.DeliverDueAsync(deliveries: 2);
        }

        Assert.Equal((typeof(IntakeOutcome.Rescheduled), 3), (outcome.GetType(), host.Simulator.State.FindTest(created.TestId)!.RunCount));
    }

    [Fact]
    public async Task A_message_for_the_last_run_completes_without_scheduling()
    {
        await using var host = await FollowUpHost.StartAsync();
        await host.CreateTestAsync("https://single.example.com/", new FollowUpInstructions { Collect = false });
        var message = host.Bus.History("instant-tests").Single();

        var outcome = await host.RunRerunAsync(message);

        Assert.Equal((typeof(IntakeOutcome.Completed), 1), (outcome.GetType(), host.Bus.Pending("instant-tests").Count));
    }
}
