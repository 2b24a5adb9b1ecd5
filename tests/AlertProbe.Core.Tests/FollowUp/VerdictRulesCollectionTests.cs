using AlertProbe.Core.Messages;
using AlertProbe.Core.Planning;
using AlertProbe.Core.Tests.FollowUp.Support;
using AlertProbe.Simulator.State;

namespace AlertProbe.Core.Tests.FollowUp;

/// <summary>
/// A rule's <c>followUp.verdict</c> (carried in InstantTestCreated) changes the verdict the collector publishes: through
/// <see cref="AlertProbe.Core.FollowUp.CollectResultsHandler"/> against the simulator over loopback, not only the engine.
/// </summary>
public sealed class VerdictRulesCollectionTests
{
    // 12 % loss from every agent: degraded by default (2 % / 20 %), failing under a 10 % failing band, healthy when the rule tolerates 20 %.
    [Theory]
    [InlineData(null, null, TestVerdict.Degraded, "loss up to 12% from 5 of 5 agents (threshold 2%)")]
    [InlineData("lossFailingPercent", 10.0, TestVerdict.Failing, "5 of 5 agents fail at Network: 12% packet loss (failing from 10%)")]
    [InlineData("lossDegradedPercent", 20.0, TestVerdict.Healthy, "all 5 agents healthy")]
    public async Task A_rules_thresholds_change_the_published_verdict(string? threshold, double? value, TestVerdict expected, string reason)
    {
        await using var host = await FollowUpHost.StartAsync();
        host.Simulator.State.BreakTarget("lossy-rule.example.com", TargetFailure.PartialPacketLoss(12));
        var verdict = threshold is null ? null : new VerdictRules { Thresholds = new Dictionary<string, double> { [threshold] = value!.Value } };
        await host.CreateTestAsync("https://lossy-rule.example.com/", followUp: new FollowUpInstructions { Collect = true, Verdict = verdict });
        host.Time.Advance(TimeSpan.FromMinutes(1));

        await host.DeliverDueAsync();

        var results = CollectResultsHandlerTests.Published(host);
        Assert.Equal(expected, results.Verdict);
        Assert.StartsWith(reason, results.Reasons[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rules_status_codes_fail_a_target_that_answers_another_code()
    {
        await using var host = await FollowUpHost.StartAsync();
        var rules = new VerdictRules { StatusCodes = [401] };
        await host.CreateTestAsync("https://health-401.example.com/", followUp: new FollowUpInstructions { Collect = true, Verdict = rules });
        host.Time.Advance(TimeSpan.FromMinutes(1));

        await host.DeliverDueAsync();

        var results = CollectResultsHandlerTests.Published(host);
        Assert.Equal((TestVerdict.Failing, "5 of 5 agents fail at HTTP: response code 200, expected 401"), (results.Verdict, results.Reasons[0]));
    }
}
