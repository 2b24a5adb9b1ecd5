using System.Text.Json.Nodes;
using AlertProbe.Core.FollowUp.Collection;
using AlertProbe.ThousandEyes;
using AlertProbe.ThousandEyes.Results;

namespace AlertProbe.Core.Tests.FollowUp;

/// <summary>Rounds as the vendor stamps them: roundId = round start, minute-aligned (created 13:01:34 → 13:00:00).</summary>
public sealed class RoundSelectorTests
{
    private static readonly DateTimeOffset Minute = new(2025, 1, 15, 13, 1, 0, TimeSpan.Zero);

    private static TestResultRow Row(string agent, DateTimeOffset roundStart) =>
        ThousandEyesModelFactory.TestResultRow(new JsonObject(), agentId: agent, roundId: roundStart.ToUnixTimeSeconds());

    [Fact]
    public void Run_zeros_round_is_the_tests_first_even_when_it_started_before_the_run_was_created()
    {
        // Created 13:01:50: its minute-aligned round started 50 s earlier.
        var rows = new[] { Row("1", Minute), Row("2", Minute), Row("1", Minute.AddMinutes(2)) };

        var selected = RoundSelector.RowsOfRun(rows, earliestExclusive: null);

        Assert.Equal([("1", Minute.ToUnixTimeSeconds()), ("2", Minute.ToUnixTimeSeconds())], selected.Select(row => (row.AgentId, row.RoundId!.Value)));
    }

    [Fact]
    public void A_reruns_round_is_the_first_after_the_previous_runs_round()
    {
        // Run 0 at 13:01:50 (round 13:01:00); rerun at 13:02:55 (round 13:02:00): bound 13:01:55.
        var rows = new[] { Row("1", Minute), Row("1", Minute.AddMinutes(1)), Row("1", Minute.AddMinutes(2)) };

        var selected = RoundSelector.RowsOfRun(rows, earliestExclusive: Minute.AddMinutes(1).AddSeconds(55) - TimeSpan.FromMinutes(1));

        Assert.Equal(Minute.AddMinutes(1).ToUnixTimeSeconds(), selected.Single().RoundId);
    }

    [Fact]
    public void Each_agent_gets_its_own_first_round_when_rounds_are_not_aligned()
    {
        var rows = new[] { Row("1", Minute.AddSeconds(3)), Row("2", Minute.AddSeconds(7)), Row("2", Minute.AddMinutes(1).AddSeconds(7)) };

        var selected = RoundSelector.RowsOfRun(rows, earliestExclusive: null);

        Assert.Equal([("1", 3L), ("2", 7L)], selected.Select(row => (row.AgentId!, row.RoundId!.Value - Minute.ToUnixTimeSeconds())));
    }

    [Fact]
    public void Only_earlier_runs_rounds_means_no_rows_yet()
    {
        var selected = RoundSelector.RowsOfRun([Row("1", Minute)], earliestExclusive: Minute.AddSeconds(30));

        Assert.Empty(selected);
    }

    [Fact]
    public void A_row_without_round_id_is_placed_by_its_date()
    {
        var row = ThousandEyesModelFactory.TestResultRow(new JsonObject(), agentId: "1", date: Minute.AddSeconds(3));

        Assert.Single(RoundSelector.RowsOfRun([row], Minute));
    }
}
