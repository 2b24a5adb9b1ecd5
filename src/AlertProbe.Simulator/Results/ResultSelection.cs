using AlertProbe.Simulator.State;

namespace AlertProbe.Simulator.Results;

/// <summary>
/// The results a call sees: rounds whose data is ready (run time + result delay has passed) within the range,
/// one item per agent per round, oldest round first, then one page of them. As the v7 docs say of a start time, a
/// round that started just before it (still running at the start) is included.
/// </summary>
internal sealed record ResultSelection(IReadOnlyList<ResultItem> Page, int Total, DateTimeOffset Start, DateTimeOffset End, int? NextOffset)
{
    public static ResultSelection Select(CreatedTest test, TimeRange range, TimeSpan resultDelay, DateTimeOffset now, int offset, int pageSize)
    {
        var ready = test.Rounds.Where(round => round.RunAt + resultDelay <= now).ToList();
        var rounds = range.Start is { } start
            ? ready.Where(round => round.Start + TestRound.Length > start && round.Start <= range.End).ToList()
            : ready.TakeLast(1).ToList();
        var items = rounds.SelectMany(round => test.Agents.Select(agent => new ResultItem(round, agent))).ToList();
        var page = items.Skip(offset).Take(pageSize).ToList();
        var next = offset + pageSize < items.Count ? offset + pageSize : (int?)null;
        var from = range.Start ?? (rounds.Count > 0 ? rounds[0].Start : now);
        return new ResultSelection(page, items.Count, from, range.End, next);
    }
}
