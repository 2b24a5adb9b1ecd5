using System.Security.Cryptography;
using System.Text;
using AlertProbe.Simulator.Agents;
using AlertProbe.Simulator.RateLimiting;
using AlertProbe.Simulator.State;

namespace AlertProbe.Simulator;

/// <summary>
/// Everything the simulator knows, and the knobs tests turn: token rotation, fault injection, latency,
/// broken targets, result delay, rate limits. Thread-safe; reads return snapshots.
/// </summary>
public sealed class SimulatorState
{
    private readonly Lock _gate = new();
    private readonly List<ReceivedRequest> _requests = [];
    private readonly Dictionary<string, CreatedTest> _tests = new(StringComparer.Ordinal);
    private readonly List<InjectedFault> _faults = [];
    private readonly List<KeyValuePair<string, Situation>> _brokenTargets = [];
    private readonly byte[] _basicCredentials;
    private byte[] _bearerToken;
    private long _nextTestId = 7_000_001;
    private TimeSpan _latency;
    private TimeSpan _resultDelay;
    private int _resultPageSize;
    private int _organizationLimit;
    private int _instantTestLimit;
    private TimeSpan _roundAlignment;

    internal SimulatorState(SimulatorOptions options, TimeProvider timeProvider)
    {
        ArgumentException.ThrowIfNullOrEmpty(options.BearerToken);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.ResultPageSize);
        TimeProvider = timeProvider;
        _bearerToken = Encoding.UTF8.GetBytes(options.BearerToken);
        _basicCredentials = Encoding.UTF8.GetBytes($"{options.BasicAuthEmail}:{options.BasicAuthToken}");
        ArgumentOutOfRangeException.ThrowIfLessThan(options.RoundAlignment, TimeSpan.Zero);
        _roundAlignment = options.RoundAlignment;
        _resultDelay = options.ResultDelay;
        _resultPageSize = options.ResultPageSize;
        _organizationLimit = options.OrganizationRateLimitPerMinute;
        _instantTestLimit = options.InstantTestRateLimitPerMinute;
        OrganizationRateLimit = new RateLimitWindow(() => Volatile.Read(ref _organizationLimit));
        InstantTestRateLimit = new RateLimitWindow(() => Volatile.Read(ref _instantTestLimit));
    }

    public TimeProvider TimeProvider { get; }

    /// <summary>Test snapshots made so far and the organisation's snapshot limit (<see cref="Snapshots.SnapshotBook"/>).</summary>
    public Snapshots.SnapshotBook Snapshots { get; } = new();

    /// <summary>Account groups the simulated user belongs to: "1234" (default) and "5678".</summary>
    public IReadOnlyList<AccountGroup> AccountGroups { get; } =
    [
        new("1234", "Simulated Default", IsDefault: true),
        new("5678", "Simulated Operations", IsDefault: false),
    ];

    public IReadOnlyList<SimulatedAgent> Agents => AgentCatalog.All;

    /// <summary>Real (wall-clock) delay added before every response.</summary>
    public TimeSpan Latency
    {
        get { lock (_gate) { return _latency; } }
        set { lock (_gate) { _latency = value; } }
    }

    /// <summary>How long after a run its data appears (TimeProvider time). Applies to runs already made too.</summary>
    public TimeSpan ResultDelay
    {
        get { lock (_gate) { return _resultDelay; } }
        set { lock (_gate) { _resultDelay = value; } }
    }

    /// <summary>Rounds start on multiples of this; zero: at the run. Applies to runs made from now on.</summary>
    public TimeSpan RoundAlignment
    {
        get { lock (_gate) { return _roundAlignment; } }
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, TimeSpan.Zero);
            lock (_gate) { _roundAlignment = value; }
        }
    }

    public int ResultPageSize
    {
        get { lock (_gate) { return _resultPageSize; } }
        set
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(value);
            lock (_gate) { _resultPageSize = value; }
        }
    }

    public int OrganizationRateLimitPerMinute
    {
        get => Volatile.Read(ref _organizationLimit);
        set => Volatile.Write(ref _organizationLimit, value);
    }

    public int InstantTestRateLimitPerMinute
    {
        get => Volatile.Read(ref _instantTestLimit);
        set => Volatile.Write(ref _instantTestLimit, value);
    }

    public IReadOnlyList<ReceivedRequest> ReceivedRequests
    {
        get { lock (_gate) { return [.. _requests]; } }
    }

    public IReadOnlyList<CreatedTest> CreatedTests
    {
        get { lock (_gate) { return [.. _tests.Values.OrderBy(test => test.CreatedAt).Select(Copy)]; } }
    }

    internal RateLimitWindow OrganizationRateLimit { get; }

    internal RateLimitWindow InstantTestRateLimit { get; }

    public CreatedTest? FindTest(string testId)
    {
        lock (_gate)
        {
            return _tests.TryGetValue(testId, out var test) ? Copy(test) : null;
        }
    }

    /// <summary>Replaces the accepted bearer token; the old one is rejected with 401 from now on.</summary>
    public void RotateBearerToken(string newToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(newToken);
        lock (_gate)
        {
            _bearerToken = Encoding.UTF8.GetBytes(newToken);
        }
    }

    /// <summary>The next <paramref name="count"/> requests (whose path contains <paramref name="pathContains"/>, if given) fail with <paramref name="statusCode"/>.</summary>
    public void FailNextRequests(int statusCode, int count, string? pathContains = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(statusCode, 400);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(statusCode, 599);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        lock (_gate)
        {
            _faults.Add(new InjectedFault(statusCode, count, pathContains));
        }
    }

    /// <summary>Runs of tests whose target contains <paramref name="targetSubstring"/> (case-insensitive) produce broken results from now on.</summary>
    public void BreakTarget(string targetSubstring, TargetFailure failure)
    {
        ArgumentException.ThrowIfNullOrEmpty(targetSubstring);
        ArgumentNullException.ThrowIfNull(failure);
        SetSituation(targetSubstring, Situation.ForFailure(failure));
    }

    /// <summary>
    /// Runs of tests whose target contains <paramref name="targetSubstring"/> (case-insensitive) show <paramref name="situation"/>
    /// from now on (replacing an earlier situation or broken target for the same text); <see cref="RepairTarget"/> undoes it.
    /// </summary>
    public void SetSituation(string targetSubstring, Situation situation)
    {
        ArgumentException.ThrowIfNullOrEmpty(targetSubstring);
        ArgumentNullException.ThrowIfNull(situation);
        lock (_gate)
        {
            _brokenTargets.RemoveAll(entry => string.Equals(entry.Key, targetSubstring, StringComparison.OrdinalIgnoreCase));
            _brokenTargets.Add(new(targetSubstring, situation));
        }
    }

    /// <summary>Undoes <see cref="BreakTarget"/> for the same substring; later runs are healthy again.</summary>
    public void RepairTarget(string targetSubstring)
    {
        lock (_gate)
        {
            _brokenTargets.RemoveAll(entry => string.Equals(entry.Key, targetSubstring, StringComparison.OrdinalIgnoreCase));
        }
    }

    public void ResetRateLimits()
    {
        OrganizationRateLimit.Reset();
        InstantTestRateLimit.Reset();
    }

    public void ClearReceivedRequests()
    {
        lock (_gate)
        {
            _requests.Clear();
        }
    }

    internal void Record(ReceivedRequest request)
    {
        lock (_gate)
        {
            _requests.Add(request);
        }
    }

    internal int? TakeFault(string path)
    {
        lock (_gate)
        {
            var fault = _faults.FirstOrDefault(candidate => candidate.Matches(path));
            if (fault is null)
            {
                return null;
            }

            fault.Remaining--;
            _faults.RemoveAll(candidate => candidate.Remaining <= 0);
            return fault.StatusCode;
        }
    }

    internal bool IsBearerToken(ReadOnlySpan<char> token) => Matches(token, () => _bearerToken);

    internal bool IsBasicCredential(ReadOnlySpan<char> emailColonToken) => Matches(emailColonToken, () => _basicCredentials);

    internal long NextTestId() => Interlocked.Increment(ref _nextTestId) - 1;

    /// <summary>Adds a test with its first run. False when its name is already used in the account group.</summary>
    internal bool TryAdd(CreatedTest test)
    {
        lock (_gate)
        {
            if (_tests.Values.Any(existing => existing.AccountGroupId == test.AccountGroupId
                                              && string.Equals(existing.TestName, test.TestName, StringComparison.OrdinalIgnoreCase)))
            {
                return false;
            }

            _tests[test.TestId] = test with { Rounds = [NewRound(test, test.CreatedAt)] };
            return true;
        }
    }

    /// <summary>Reruns a test of the account group; null when there is no such test there.</summary>
    internal CreatedTest? Run(string testId, string accountGroupId)
    {
        lock (_gate)
        {
            if (!_tests.TryGetValue(testId, out var test) || test.AccountGroupId != accountGroupId)
            {
                return null;
            }

            var updated = test with { Rounds = [.. test.Rounds, NewRound(test, TimeProvider.GetUtcNow())] };
            _tests[testId] = updated;
            return Copy(updated);
        }
    }

    private TestRound NewRound(CreatedTest test, DateTimeOffset runAt)
    {
        // Round ids are epoch seconds of the round start, like ThousandEyes: the aligned boundary at or before the run
        // (created 13:01:34 → 13:00:00). Two runs in one slot still get distinct rounds, never starting after the run.
        var step = Math.Max(1L, (long)_roundAlignment.TotalSeconds);
        var aligned = runAt.ToUnixTimeSeconds() / step * step;
        var roundId = test.Rounds.Count == 0 ? aligned : Math.Max(aligned, test.Rounds[^1].RoundId + 1);
        var situation = _brokenTargets.LastOrDefault(entry => test.Target.Contains(entry.Key, StringComparison.OrdinalIgnoreCase)).Value;
        var failure = situation is { Kind: SituationKind.Target } ? situation.Failure : null;
        return new TestRound(test.Rounds.Count + 1, roundId, runAt, failure) { Situation = situation is { Kind: SituationKind.Target } ? null : situation };
    }

    private bool Matches(ReadOnlySpan<char> presented, Func<byte[]> expected)
    {
        byte[] secret;
        lock (_gate)
        {
            secret = expected();
        }

        var bytes = Encoding.UTF8.GetBytes(presented.ToArray());
        return CryptographicOperations.FixedTimeEquals(bytes, secret);
    }

    private static CreatedTest Copy(CreatedTest test) => test with { Definition = (System.Text.Json.Nodes.JsonObject)test.Definition.DeepClone() };
}
