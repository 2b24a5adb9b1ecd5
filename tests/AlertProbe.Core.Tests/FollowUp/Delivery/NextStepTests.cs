using System.Text.Json.Nodes;
using AlertProbe.Core.FollowUp.Delivery;
using AlertProbe.Core.Messages;
using AlertProbe.Core.Tests.FollowUp.Support;
using AlertProbe.Simulator.State;

namespace AlertProbe.Core.Tests.FollowUp.Delivery;

/// <summary>The next-step sentence is chosen by the documented table over the locating rule, never made up.</summary>
public sealed class NextStepTests
{
    [Fact]
    public void Every_sentence_belongs_to_a_rule_the_fault_locator_can_fire()
    {
        var source = File.ReadAllText(AlertProbe.Testing.RepositoryRoot.Combine("src", "AlertProbe.Core", "FollowUp", "Verdicts", "FaultLocator.cs"));

        var unknown = NextStep.ByRule.Keys.Where(rule => !source.Contains($"\"{rule}\"", StringComparison.Ordinal)).ToList();

        Assert.True(unknown.Count == 0, $"next steps for rules the locator never fires: {string.Join(", ", unknown)}");
    }

    [Theory]
    [InlineData("target.reached-not-answering", TestVerdict.Failing, "the service or its firewall, not the path")]
    [InlineData("regional.country", TestVerdict.Failing, "a network in that region")]
    [InlineData("agent.local-problems", TestVerdict.Healthy, "local problems: judge the service by the other agents")]
    [InlineData("unlocated", TestVerdict.Failing, null)]
    [InlineData("none.no-failure", TestVerdict.Degraded, "degraded, not down")]
    public void The_sentence_follows_the_locating_rule(string rule, TestVerdict verdict, string? expected)
    {
        var results = new InstantTestResults
        {
            TestId = "1", TestType = "http-server", Target = "https://example.com/", CollectedAt = DateTimeOffset.UnixEpoch, Verdict = verdict, Agents = [],
            Trigger = new TestTrigger { Source = AlertProbe.Core.Alerts.AlertSource.Manual, AlertId = "a", Rule = "r", Severity = AlertProbe.Core.Alerts.AlertSeverity.Error, OriginalMessageId = "m", CorrelationId = "c" },
            Location = new FaultLocation { Layer = "x", Rule = rule, Summary = "s" },
        };

        var next = NextStep.For(results);

        Assert.True(expected is null ? next is null : next?.Contains(expected, StringComparison.Ordinal) == true, $"next step for {rule}: {next}");
    }

    [Fact]
    public async Task A_failing_run_reply_leads_with_the_location_then_the_next_step()
    {
        await using var host = await FollowUpHost.StartAsync();
        host.Simulator.State.BreakTarget("next.example.com", TargetFailure.HttpError);
        await host.CreateTestAsync("https://next.example.com/", replyTo: new ReplyAddress { Kind = ReplyKind.Slack, Url = host.Receiver.Url("/commands/T/1/x") });
        host.Time.Advance(TimeSpan.FromMinutes(1));

        await host.DeliverDueAsync();

        var results = CollectResultsHandlerTests.Published(host);
        var blocks = JsonNode.Parse(Assert.Single(host.Receiver.Replies).Body)!["blocks"]!.AsArray();
        Assert.Equal("target.application-errors", results.Location!.Rule);
        Assert.Equal("*Next:* " + NextStep.ByRule["target.application-errors"], (string?)blocks[2]!["text"]!["text"]);
    }
}
