using AlertProbe.ThousandEyes.Results;

namespace AlertProbe.Core.FollowUp.Collection;

/// <summary>
/// Picks the rows of one run out of a results fetch. Each run of an instant test is one round per agent, stamped with
/// its start (roundId = epoch seconds, or the row's date), which may lie before the run was requested (rounds are
/// aligned to minute boundaries). Per agent, the run's round is the earliest round starting after
/// <c>earliestExclusive</c>: rounds before it are earlier runs, later ones are reruns whose data may already be there
/// when this run is collected late. Alignment-independent: no round is required to start after the run's creation.
/// </summary>
public static class RoundSelector
{
    /// <param name="earliestExclusive">Rounds starting at or before this belong to earlier runs; null: no earlier run (run 0).</param>
    public static IReadOnlyList<TestResultRow> RowsOfRun(IReadOnlyList<TestResultRow> rows, DateTimeOffset? earliestExclusive)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var after = earliestExclusive?.ToUnixTimeSeconds();
        var selected = new List<TestResultRow>();
        foreach (var agent in rows.GroupBy(row => row.AgentId ?? row.AgentName ?? string.Empty, StringComparer.Ordinal))
        {
            var candidates = agent
                .Select(row => (Row: row, Round: RoundOf(row)))
                .Where(entry => entry.Round is { } round && (after is null || round > after))
                .ToList();
            if (candidates.Count == 0)
            {
                continue;
            }

            var round = candidates.Min(entry => entry.Round!.Value);
            selected.AddRange(candidates.Where(entry => entry.Round == round).Select(entry => entry.Row));
        }

        return selected;
    }

    /// <summary>The round start in epoch seconds: roundId when present, else the row's date.</summary>
    public static long? RoundOf(TestResultRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return row.RoundId ?? row.Date?.ToUnixTimeSeconds();
    }
}
