using System.Text.Json.Nodes;
using AlertProbe.Core.FollowUp.Collection;
using AlertProbe.ThousandEyes;
using AlertProbe.ThousandEyes.Results;

namespace AlertProbe.Core.Tests.FollowUp;

public sealed class RoundSelectorTests
{
    private static readonly DateTimeOffset RunAt = new(2025, 1, 15, 12, 0, 0, TimeSpan.Zero);

    private static TestResultRow Row(string agent, DateTimeOffset roundStart) =>
        ThousandEyesModelFactory.TestResultRow(new JsonObject(), agentId: agent, roundId: roundStart.ToUnixTimeSeconds());

    [Fact]
    public void The_runs_round_is_kept_and_an_earlier_runs_round_dropped()
    {
        var rows = new[] { Row("1", RunAt.AddMinutes(-5)), Row("1", RunAt.AddSeconds(-2)), Row("2", RunAt.AddSeconds(-2)) };

        var selected = RoundSelector.RowsOfRun(rows, RunAt, TimeSpan.FromSeconds(30));

        Assert.Equal(["1", "2"], selected.Select(row => row.AgentId));
    }

    [Fact]
    public void A_later_reruns_round_is_not_taken_for_this_run()
    {
        var rows = new[] { Row("1", RunAt.AddSeconds(1)), Row("1", RunAt.AddMinutes(5)) };

        var selected = RoundSelector.RowsOfRun(rows, RunAt, TimeSpan.FromSeconds(30));

        Assert.Equal(RunAt.AddSeconds(1).ToUnixTimeSeconds(), selected.Single().RoundId);
    }

    [Fact]
    public void Only_older_rounds_means_no_rows_yet()
    {
        var selected = RoundSelector.RowsOfRun([Row("1", RunAt.AddMinutes(-2))], RunAt, TimeSpan.FromSeconds(30));

        Assert.Empty(selected);
    }

    [Fact]
    public void A_row_without_round_id_is_placed_by_its_date()
    {
        var row = ThousandEyesModelFactory.TestResultRow(new JsonObject(), agentId: "1", date: RunAt.AddSeconds(3));

        Assert.Single(RoundSelector.RowsOfRun([row], RunAt, TimeSpan.Zero));
    }
}
