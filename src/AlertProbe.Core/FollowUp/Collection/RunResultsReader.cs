using System.Globalization;
using AlertProbe.Core.FollowUp.Verdicts;
using AlertProbe.Core.Messages;
using AlertProbe.ThousandEyes;
using AlertProbe.ThousandEyes.Agents;
using AlertProbe.ThousandEyes.Results;
using Microsoft.Extensions.Options;

namespace AlertProbe.Core.FollowUp.Collection;

/// <summary>
/// Reads one run's results: the families that decide the verdict (<see cref="ResultFamilies"/>) among the run's
/// result links, each fetched for the time range from one round alignment before the run to now (every page), then
/// narrowed to the run's round by <see cref="RoundSelector"/>. A time range rather than the link's "current round" because a
/// rerun's round replaces the current one: a late collection would otherwise summarise the wrong run.
/// </summary>
public class RunResultsReader
{
    private readonly ThousandEyesClient _client = null!;
    private readonly TimeProvider _time = null!;
    private readonly FollowUpOptions _options = null!;

    public RunResultsReader(ThousandEyesClient client, TimeProvider timeProvider, IOptions<FollowUpOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _client = client ?? throw new ArgumentNullException(nameof(client));
        _time = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        _options = options.Value;
    }

    /// <summary>For mocking.</summary>
    protected RunResultsReader()
    {
    }

    /// <summary>The families read for <paramref name="created"/>: the deciding ones its links offer (all deciding ones when it has no links).</summary>
    public static IReadOnlyList<TestResultFamily> FamiliesFor(InstantTestCreated created)
    {
        ArgumentNullException.ThrowIfNull(created);
        var deciding = ResultFamilies.For(created.TestType);
        if (created.ResultLinks.Count == 0)
        {
            return deciding;
        }

        var linked = created.ResultLinks.Select(link => TestResultFamily.Find(link.Family)).OfType<TestResultFamily>().ToHashSet();
        return [.. deciding.Where(linked.Contains)];
    }

    public virtual async Task<RunResults> ReadAsync(InstantTestCreated created, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(created);
        // ThousandEyes includes a round that started just before the start date; from one alignment back covers the run's
        // round however it is aligned. Run 0 has no earlier run; a rerun's predecessor started at least an interval before.
        var query = new TestResultsQuery { From = created.CreatedAt - _options.RoundAlignment, To = _time.GetUtcNow() };
        DateTimeOffset? earliestExclusive = created.Run == 0
            ? null
            : created.CreatedAt - Min(_options.RoundAlignment, created.FollowUp.Rerun?.Interval ?? _options.RoundAlignment);
        var families = new List<FamilyResults>();
        var complete = true;
        var expected = created.Agents.Select(agent => agent.AgentId).ToHashSet(StringComparer.Ordinal);
        foreach (var family in FamiliesFor(created).Where(family => family.IsAvailableIn(_client.ApiVersion)))
        {
            var fetched = await _client.GetTestResultsAsync(created.TestId, family, query, created.AccountGroupId, cancellationToken).ConfigureAwait(false);
            if (!fetched.IsSuccess)
            {
                return new RunResults { Families = families, Error = fetched.Error };
            }

            var rows = RoundSelector.RowsOfRun(fetched.Value.Rows, earliestExclusive);
            families.Add(new FamilyResults(family, rows, _client.ApiVersion));
            var reported = rows.Select(row => row.AgentId).OfType<string>().ToHashSet(StringComparer.Ordinal);
            complete &= rows.Count > 0 && expected.IsSubsetOf(reported);
        }

        // No expected agents is never complete: an empty set is a subset of anything.
        return new RunResults { Families = families, IsComplete = complete && families.Count > 0 && expected.Count > 0 };
    }

    /// <summary>
    /// Path visualisation of the run, read only when the verdict needs it (some measurement fails) and the test has a
    /// path-vis link: the summary for the run's range, then the hop-by-hop detail of the failing agents and of up to
    /// <see cref="MaxHealthyTraced"/> succeeding ones to compare with (at most <see cref="MaxTraced"/> detail calls).
    /// Any error leaves localisation without traces (null): it never changes the verdict itself.
    /// </summary>
    public virtual async Task<IReadOnlyList<AgentPath>?> ReadPathsAsync(
        InstantTestCreated created, IReadOnlyList<string> failingAgents, IReadOnlyList<string> healthyAgents, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(created);
        ArgumentNullException.ThrowIfNull(failingAgents);
        ArgumentNullException.ThrowIfNull(healthyAgents);
        var linked = created.ResultLinks.Count == 0 || created.ResultLinks.Any(link => TestResultFamily.Find(link.Family) == TestResultFamily.PathVis);
        if (!linked || failingAgents.Count == 0)
        {
            return null;
        }

        var query = new TestResultsQuery { From = created.CreatedAt - _options.RoundAlignment, To = _time.GetUtcNow() };
        DateTimeOffset? earliestExclusive = created.Run == 0
            ? null
            : created.CreatedAt - Min(_options.RoundAlignment, created.FollowUp.Rerun?.Interval ?? _options.RoundAlignment);
        var summary = await _client.GetTestResultsAsync(created.TestId, TestResultFamily.PathVis, query, created.AccountGroupId, cancellationToken).ConfigureAwait(false);
        if (!summary.IsSuccess)
        {
            return null;
        }

        var rows = RoundSelector.RowsOfRun(summary.Value.Rows, earliestExclusive);
        var detail = new List<TestResultRow>();
        var traced = failingAgents.Concat(healthyAgents.Take(MaxHealthyTraced)).Distinct(StringComparer.Ordinal).Take(MaxTraced);
        foreach (var agent in traced)
        {
            if (rows.FirstOrDefault(row => row.AgentId == agent) is not { } row || RoundSelector.RoundOf(row) is not { } round)
            {
                continue;
            }

            var fetched = await _client.GetPathVisDetailAsync(created.TestId, agent, round, created.AccountGroupId, cancellationToken).ConfigureAwait(false);
            if (fetched.IsSuccess)
            {
                detail.AddRange(fetched.Value.Rows.Select(found => found.AgentId is null ? found with { AgentId = agent } : found));
            }
        }

        return PathVisReader.Read(rows, detail, _client.ApiVersion);
    }

    /// <summary>
    /// The failing agents ThousandEyes lists with local problems during the run (v7 <c>/agents/local-problems</c> for the
    /// run's range; one request, made only when something fails; v6 has no such list), as agent id → what it says. Any
    /// error leaves the verdict without it (null), as with path traces.
    /// </summary>
    public virtual async Task<IReadOnlyDictionary<string, string>?> ReadLocalProblemsAsync(
        InstantTestCreated created, IReadOnlyList<string> failingAgents, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(created);
        ArgumentNullException.ThrowIfNull(failingAgents);
        if (failingAgents.Count == 0 || _client.ApiVersion == ThousandEyesApiVersion.V6)
        {
            return null;
        }

        var from = created.CreatedAt - _options.RoundAlignment;
        var to = _time.GetUtcNow();
        var listed = await _client.GetAgentLocalProblemsAsync(from, to, created.AccountGroupId, cancellationToken).ConfigureAwait(false);
        if (!listed.IsSuccess)
        {
            return null;
        }

        var failing = failingAgents.ToHashSet(StringComparer.Ordinal);
        return listed.Value!
            .Where(problem => failing.Contains(problem.AgentId) && problem.Overlaps(from, to))
            .GroupBy(problem => problem.AgentId, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => Describe(group.OrderBy(problem => problem.Start).First()), StringComparer.Ordinal);
    }

    private static string Describe(AgentLocalProblem problem) => string.Create(
        CultureInfo.InvariantCulture,
        $"ThousandEyes reports local problems on this agent since {problem.Start.UtcDateTime:yyyy-MM-dd HH:mm} UTC{(problem.End is { } end ? $" until {end.UtcDateTime:HH:mm} UTC" : problem.Active ? " (active)" : "")}");

    /// <summary>Detail calls per run at most (each is one request of the organisation's rate budget).</summary>
    public const int MaxTraced = 8;

    /// <summary>Succeeding agents traced to compare with the failing ones.</summary>
    public const int MaxHealthyTraced = 3;

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
