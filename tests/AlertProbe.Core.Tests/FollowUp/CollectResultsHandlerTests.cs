using System.Text.Json;
using System.Text.Json.Nodes;
using AlertProbe.Core.FollowUp;
using AlertProbe.Core.Messages;
using AlertProbe.Core.Outcomes;
using AlertProbe.Core.Tests.FollowUp.Support;
using AlertProbe.Simulator.State;
using Azure.Messaging.ServiceBus;

namespace AlertProbe.Core.Tests.FollowUp;

/// <summary>Result collection against the simulator over loopback, on its fake clock, with an in-memory bus and ledger.</summary>
public sealed class CollectResultsHandlerTests
{
    [Fact]
    public async Task Results_that_appear_after_a_delay_are_collected_after_rescheduled_re_checks()
    {
        await using var host = await FollowUpHost.StartAsync();
        host.Simulator.State.ResultDelay = TimeSpan.FromSeconds(40);
        var created = await host.CreateTestAsync("https://delayed.example.com/");
        var start = host.Time.GetUtcNow();

        var outcomes = new List<IntakeOutcome>();
        do
        {
            outcomes.AddRange(await host.DeliverDueAsync());
        }
        while (host.Bus.Pending("test-results").Count == 0 && host.AdvanceToNextDue());

        var retries = host.Bus.History("instant-tests").Where(m => m.Message.ApplicationProperties.ContainsKey(FollowUpProperties.CollectAttempt)).ToList();
        Assert.Equal(
            [(start.AddSeconds(15), 1, false), (start.AddSeconds(45), 2, false)],
            retries.Select(m => (m.ScheduledFor!.Value, (int)m.Message.ApplicationProperties[FollowUpProperties.CollectAttempt], (bool)m.Message.ApplicationProperties[MessageProperties.Rerun])));
        Assert.Equal([typeof(IntakeOutcome.Rescheduled), typeof(IntakeOutcome.Rescheduled), typeof(IntakeOutcome.Completed)], outcomes.Select(o => o.GetType()));
        Assert.Equal((created.TestId, 0, TestVerdict.Healthy), Published(host) is var r ? (r.TestId, r.Run, r.Verdict) : default);
    }

    // Rounds start on minute boundaries (vendor examples: created 13:01:34 → roundId 13:00:00; the simulator's default).
    [Fact]
    public async Task A_test_created_late_in_a_minute_gets_its_verdict_as_soon_as_the_data_is_there()
    {
        await using var host = await FollowUpHost.StartAsync();
        host.Time.Advance(TimeSpan.FromSeconds(50));
        var created = await host.CreateTestAsync("https://late-in-the-minute.example.com/");

        do
        {
            await host.DeliverDueAsync();
        }
        while (host.Bus.Pending("test-results").Count == 0 && host.AdvanceToNextDue());

        var results = Published(host);
        Assert.Equal((TestVerdict.Healthy, true), (results.Verdict, results.CollectedAt < created.CreatedAt + TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public async Task A_reruns_verdict_is_drawn_from_the_reruns_round_not_the_first_runs()
    {
        await using var host = await FollowUpHost.StartAsync();
        host.Time.Advance(TimeSpan.FromSeconds(50));
        var first = await host.CreateTestAsync("https://rerun-round.example.com/", followUp: new FollowUpInstructions { Collect = false });
        host.Time.Advance(TimeSpan.FromMinutes(2));
        host.Simulator.State.BreakTarget("rerun-round.example.com", TargetFailure.HttpError);
        using (var client = host.Simulator.CreateClient())
        {
            (await client.PostAsync(new Uri($"v7/tests/{first.TestId}/run", UriKind.Relative), null)).EnsureSuccessStatusCode();
        }

        var rerun = first with
        {
            Run = 1,
            CreatedAt = host.Time.GetUtcNow(),
            FollowUp = new FollowUpInstructions { Collect = true, Rerun = new RerunInstructions { Count = 1, Interval = TimeSpan.FromMinutes(2) } },
        };
        await host.PublishAsync(rerun);
        host.Time.Advance(TimeSpan.FromMinutes(1));
        await host.DeliverDueAsync(rerun: false);

        Assert.Equal((1, TestVerdict.Failing), Published(host) is var r ? (r.Run, r.Verdict) : default);
    }

    [Fact]
    public async Task Per_agent_figures_are_the_simulators_figures_for_the_run()
    {
        await using var host = await FollowUpHost.StartAsync();
        var created = await host.CreateTestAsync("https://figures.example.com/");
        host.Time.Advance(TimeSpan.FromMinutes(1));

        await host.DeliverDueAsync();

        var expected = await SimulatorRowsAsync(host, created.TestId, "http-server");
        var network = await SimulatorRowsAsync(host, created.TestId, "network");
        var results = Published(host);
        Assert.Equal(
            expected.Select(row => (Agent(row), (double)row["responseCode"]!, (double)row["responseTime"]!, (double)network.Single(n => Agent(n) == Agent(row))["avgLatency"]!)).OrderBy(x => x.Item1),
            results.Agents.Select(a => (a.AgentId, a.Metrics["responseCode"], a.Metrics["responseTime"], a.Metrics["avgLatency"])).OrderBy(x => x.AgentId));
    }

    [Fact]
    public async Task Every_agent_healthy_makes_a_healthy_verdict_saying_so()
    {
        await using var host = await FollowUpHost.StartAsync();
        await host.CreateTestAsync("https://healthy.example.com/");
        host.Time.Advance(TimeSpan.FromMinutes(1));

        await host.DeliverDueAsync();

        var results = Published(host);
        Assert.Equal((TestVerdict.Healthy, true), (results.Verdict, results.Reasons[0].StartsWith("all 5 agents healthy", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("http", "HTTP", "5 of 5 agents fail at HTTP: HTTP 503 Service Unavailable", "target.application-errors")]
    [InlineData("dns", "DNS", "5 of 5 agents fail at DNS: Could not resolve host: dns-broken.example.com", "dns.resolution")]
    [InlineData("timeout", "Connect", "5 of 5 agents fail at Connect: Connection timed out after 10000 milliseconds", "unlocated")]
    public async Task A_target_the_simulator_breaks_is_failing_with_the_failing_phase_named(string failure, string phase, string reason, string rule)
    {
        await using var host = await FollowUpHost.StartAsync();
        var target = $"{failure}-broken.example.com";
        host.Simulator.State.BreakTarget(target, failure switch
        {
            "http" => TargetFailure.HttpError,
            "dns" => TargetFailure.DnsFailure,
            _ => TargetFailure.ConnectionTimeout,
        });
        await host.CreateTestAsync($"https://{target}/");
        host.Time.Advance(TimeSpan.FromMinutes(1));

        await host.DeliverDueAsync();

        var results = Published(host);
        Assert.Equal((TestVerdict.Failing, reason, rule), (results.Verdict, results.Reasons[0], results.Location?.Rule));
        Assert.All(results.Agents, agent => Assert.Equal(phase, agent.Error?.Phase));
    }

    [Fact]
    public async Task Partial_packet_loss_makes_a_degraded_verdict_with_the_loss_named()
    {
        await using var host = await FollowUpHost.StartAsync();
        host.Simulator.State.BreakTarget("lossy.example.com", TargetFailure.PartialPacketLoss(12));
        await host.CreateTestAsync("https://lossy.example.com/");
        host.Time.Advance(TimeSpan.FromMinutes(1));

        await host.DeliverDueAsync();

        var results = Published(host);
        Assert.Equal((TestVerdict.Degraded, "loss up to 12% from 5 of 5 agents (threshold 2%)"), (results.Verdict, results.Reasons[0]));
    }

    [Fact]
    public async Task No_data_before_the_deadline_publishes_inconclusive_with_the_reason()
    {
        await using var host = await FollowUpHost.StartAsync();
        host.Simulator.State.ResultDelay = TimeSpan.FromMinutes(30);
        var created = await host.CreateTestAsync("https://silent.example.com/");

        do
        {
            await host.DeliverDueAsync();
        }
        while (host.Bus.Pending("test-results").Count == 0 && host.AdvanceToNextDue());

        var results = Published(host);
        Assert.Equal(
            (TestVerdict.Inconclusive, "no results from ThousandEyes within 5 minutes of the run", created.CreatedAt.AddMinutes(5)),
            (results.Verdict, results.Reasons.Single(), results.CollectedAt));
    }

    [Fact]
    public async Task A_later_reruns_round_is_not_taken_for_the_run_being_collected()
    {
        await using var host = await FollowUpHost.StartAsync();
        var created = await host.CreateTestAsync("https://late.example.com/");
        host.Time.Advance(TimeSpan.FromMinutes(2));
        host.Simulator.State.BreakTarget("late.example.com", TargetFailure.HttpError);
        var client = await host.Simulator.CreateClient().PostAsync(new Uri($"v7/tests/{created.TestId}/run", UriKind.Relative), null);
        client.EnsureSuccessStatusCode();
        host.Time.Advance(TimeSpan.FromMinutes(1));

        await host.DeliverDueAsync();

        Assert.Equal(TestVerdict.Healthy, Published(host).Verdict);
    }

    [Fact]
    public async Task A_run_without_known_agents_is_dead_lettered_rather_than_judged_healthy()
    {
        await using var host = await FollowUpHost.StartAsync();
        await host.CreateTestAsync("https://agentless.example.com/", adjust: created => created with { Agents = [] });
        host.Time.Advance(TimeSpan.FromMinutes(1));

        var outcomes = await host.DeliverDueAsync();

        Assert.Equal((true, 0), (outcomes.Any(outcome => outcome is IntakeOutcome.DeadLettered), host.Bus.Pending("test-results").Count));
    }

    [Fact]
    public async Task The_expected_agents_of_a_v7_run_come_from_the_create_response_asked_with_expand_agent()
    {
        await using var host = await FollowUpHost.StartAsync();

        var created = await host.CreateTestAsync("https://expanded.example.com/", agentIds: ["113", "114"]);

        Assert.Equal(["113", "114"], created.Agents.Select(agent => agent.AgentId));
        Assert.Contains(host.Simulator.State.ReceivedRequests, request => request.PathAndQuery.Contains("/instant?", StringComparison.Ordinal) && request.PathAndQuery.Contains("expand=agent", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_dead_lettered_with_a_specific_reason()
    {
        await using var host = await FollowUpHost.StartAsync();
        var message = ServiceBusModelFactory.ServiceBusReceivedMessage(body: BinaryData.FromString("{not json"), messageId: "bad-1");

        var outcome = await host.Collect.HandleAsync(message, CancellationToken.None);

        Assert.Equal(RejectionReasons.InvalidJson, Assert.IsType<IntakeOutcome.DeadLettered>(outcome).Reason);
    }

    [Fact]
    public async Task The_collected_verdict_is_saved_in_the_ledger_for_the_alert()
    {
        await using var host = await FollowUpHost.StartAsync();
        var created = await host.CreateTestAsync("https://saved.example.com/", alertId: "alert-saved");
        host.Time.Advance(TimeSpan.FromMinutes(1));

        await host.DeliverDueAsync();

        var saved = await host.Ledger.GetResultsForAlertAsync(created.Trigger.Source, "alert-saved", CancellationToken.None);
        Assert.Equal((created.TestId, 0), (saved.Single().TestId, saved.Single().Run));
    }

    internal static InstantTestResults Published(FollowUpHost host)
    {
        var message = Assert.Single(host.Bus.Pending("test-results"));
        var read = MessageEnvelope.ReadInstantTestResults(message.Message.Body);
        Assert.True(read.IsSuccess, read.Rejection?.ToString());
        return read.Message;
    }

    private static string Agent(JsonNode row) => (string)row["agent"]!["agentId"]!;

    private static async Task<IReadOnlyList<JsonNode>> SimulatorRowsAsync(FollowUpHost host, string testId, string family)
    {
        using var client = host.Simulator.CreateClient();
        var body = await client.GetStringAsync(new Uri($"v7/test-results/{testId}/{family}", UriKind.Relative));
        return [.. JsonNode.Parse(body)!["results"]!.AsArray().Select(row => row!)];
    }
}
