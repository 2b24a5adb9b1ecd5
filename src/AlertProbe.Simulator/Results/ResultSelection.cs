using AlertProbe.Simulator.Catalog;
using AlertProbe.Simulator.State;

namespace AlertProbe.Simulator.Results;

/// <summary>
/// The results a call sees: rounds whose data is ready (run time + result delay has passed) within the range,
/// one item per agent per round, oldest round first, then one page of them. As the v7 docs say of a start time, a
/// round that started just before it (still running at the start) is included.
/// </summary>
internal sealed record ResultSelection(IReadOnlyList<ResultItem> Page, int Total, DateTimeOffset Start, DateTimeOffset End, int? NextOffset)
{
    public static ResultSelection Select(CreatedTest test, ResultFamily family, TimeRange range, TimeSpan resultDelay, DateTimeOffset now, int offset, int pageSize)
    {
        var ready = test.Rounds.Where(round => round.RunAt + resultDelay <= now).ToList();
        var rounds = range.Start is { } start
            ? ready.Where(round => round.Start + TestRound.Length > start && round.Start <= range.End).ToList()
            : ready.TakeLast(1).ToList();
        // A dns-server test measures each server from each agent: one row per agent and server.
        IReadOnlyList<string?> servers = family.Name == "dns-server" && DnsMetrics.Servers(test) is { Count: > 1 } named ? [.. named] : [null];
        var items = rounds.SelectMany(round => test.Agents.SelectMany(agent => servers.Select(server => new ResultItem(round, agent, server)))).ToList();
        var page = items.Skip(offset).Take(pageSize).ToList();
        var next = offset + pageSize < items.Count ? offset + pageSize : (int?)null;
        var from = range.Start ?? (rounds.Count > 0 ? rounds[0].Start : now);
        return new ResultSelection(page, items.Count, from, range.End, next);
    }
}
