using AlertProbe.ThousandEyes.Results;

namespace AlertProbe.Core.FollowUp.Collection;

/// <summary>
/// Picks the rows of one run out of a results fetch. Each run of an instant test is one round, stamped with its
/// start (roundId = epoch seconds, or the row's date). The run's round is the earliest round that starts no more
/// than the tolerance before the run's <c>createdAt</c>: older rounds are earlier runs, later rounds are later
/// reruns whose data may already be there when this run is collected late.
/// </summary>
public static class RoundSelector
{
    public static IReadOnlyList<TestResultRow> RowsOfRun(IReadOnlyList<TestResultRow> rows, DateTimeOffset runCreatedAt, TimeSpan tolerance)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var earliest = (runCreatedAt - tolerance).ToUnixTimeSeconds();
        var candidates = rows
            .Select(row => (Row: row, Round: RoundOf(row)))
            .Where(entry => entry.Round is { } round && round >= earliest)
            .ToList();
        if (candidates.Count == 0)
        {
            return [];
        }

        var round = candidates.Min(entry => entry.Round!.Value);
        return [.. candidates.Where(entry => entry.Round == round).Select(entry => entry.Row)];
    }

    /// <summary>The round start in epoch seconds: roundId when present, else the row's date.</summary>
    public static long? RoundOf(TestResultRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return row.RoundId ?? row.Date?.ToUnixTimeSeconds();
    }
}
