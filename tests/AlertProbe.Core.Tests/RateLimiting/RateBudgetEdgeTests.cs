using AlertProbe.Core.Alerts;
using AlertProbe.Core.Ledger.Storage;
using AlertProbe.Core.RateLimiting;
using AlertProbe.Core.Tests.Ledger;
using AlertProbe.ThousandEyes.Errors;
using AlertProbe.ThousandEyes.RateLimiting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace AlertProbe.Core.Tests.RateLimiting;

/// <summary>
/// The budget at its edges: the API's headers and 429s may only tighten it (never widen it, move its window earlier or
/// shorten a block), implausible headers are ignored, what is left is reported exactly, and a store that loses every
/// race gives up with a short back-off instead of spinning.
/// </summary>
public sealed class RateBudgetEdgeTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 14, 9, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(Start);
    private readonly LosingLedgerStore _store = new(new InMemoryLedgerStore());

    [Theory]
    [InlineData(0, 0)]
    [InlineData(-1, 0)]
    [InlineData(24, -1)]
    public async Task Implausible_headers_are_ignored_and_logged(int limit, int remaining)
    {
        var logs = new FakeLogger<RateBudget>();
        var budget = Budget(logger: logs);

        await Observe(budget, limit, remaining, Start.AddSeconds(30));

        Assert.Equal(24, await AcquireEach(budget, AlertSeverity.Critical, 30));
        Assert.Contains(logs.Collector.GetSnapshot(), entry => entry.Id.Id == 3203);
    }

    [Fact]
    public async Task Headers_with_a_limit_of_one_cap_the_budget_at_one()
    {
        var budget = Budget();

        await Observe(budget, limit: 1, remaining: 1, Start.AddSeconds(30));

        Assert.Equal(1, await AcquireEach(budget, AlertSeverity.Critical, 5));
    }

    [Fact]
    public async Task An_earlier_reset_from_the_headers_does_not_pull_the_window_earlier()
    {
        var budget = Budget();
        var first = Assert.IsType<RateBudgetDecision.Acquired>(await budget.TryAcquireAsync(AlertSeverity.Critical, default));

        await Observe(budget, limit: 24, remaining: 0, Start.AddSeconds(20));

        Assert.Equal(Start.AddMinutes(1), first.ResetAt);
        Assert.Equal(new RateBudgetDecision.Exhausted(Start.AddMinutes(1), RateBudgetExhaustion.WindowUsed), await budget.TryAcquireAsync(AlertSeverity.Critical, default));
        _time.Advance(TimeSpan.FromSeconds(30));
        Assert.IsType<RateBudgetDecision.Exhausted>(await budget.TryAcquireAsync(AlertSeverity.Critical, default));
    }

    [Fact]
    public async Task Headers_before_any_call_start_the_window_at_the_apis_reset()
    {
        var budget = Budget();

        await Observe(budget, limit: 24, remaining: 20, Start.AddSeconds(20));

        var acquired = Assert.IsType<RateBudgetDecision.Acquired>(await budget.TryAcquireAsync(AlertSeverity.Critical, default));
        Assert.Equal((19, Start.AddSeconds(20)), (acquired.Remaining, acquired.ResetAt));
    }

    [Fact]
    public async Task Headers_that_change_nothing_leave_the_stored_budget_as_it_was()
    {
        var budget = Budget();
        await Observe(budget, limit: 24, remaining: 20, Start.AddSeconds(20));
        _store.RacesToLose = int.MaxValue;

        // The same headers again: nothing to write, so no write is tried (and none can be lost).
        await Observe(budget, limit: 24, remaining: 20, Start.AddSeconds(20));

        Assert.Equal(0, _store.RacesLost);
    }

    [Fact]
    public async Task A_shorter_second_429_does_not_shorten_the_block()
    {
        var budget = Budget();
        await RateLimited(budget, Start.AddSeconds(40));

        await RateLimited(budget, Start.AddSeconds(20));
        _time.Advance(TimeSpan.FromSeconds(25));

        Assert.Equal(new RateBudgetDecision.Exhausted(Start.AddSeconds(40), RateBudgetExhaustion.RateLimitedByApi), await budget.TryAcquireAsync(AlertSeverity.Critical, default));
    }

    [Fact]
    public async Task A_longer_second_429_extends_the_block()
    {
        var budget = Budget();
        await RateLimited(budget, Start.AddSeconds(20));

        await RateLimited(budget, Start.AddSeconds(45));
        _time.Advance(TimeSpan.FromSeconds(30));

        Assert.Equal(new RateBudgetDecision.Exhausted(Start.AddSeconds(45), RateBudgetExhaustion.RateLimitedByApi), await budget.TryAcquireAsync(AlertSeverity.Critical, default));
    }

    [Fact]
    public async Task A_429_naming_an_instant_already_past_blocks_nothing()
    {
        var budget = Budget();

        await RateLimited(budget, Start.AddSeconds(-1));

        Assert.IsType<RateBudgetDecision.Acquired>(await budget.TryAcquireAsync(AlertSeverity.Critical, default));
    }

    [Fact]
    public async Task A_429_spends_the_window_so_after_the_block_the_next_window_starts_fresh()
    {
        var budget = Budget();
        await budget.TryAcquireAsync(AlertSeverity.Critical, default);
        await RateLimited(budget, Start.AddSeconds(40));

        _time.Advance(TimeSpan.FromSeconds(40));
        var acquired = Assert.IsType<RateBudgetDecision.Acquired>(await budget.TryAcquireAsync(AlertSeverity.Critical, default));

        Assert.Equal((23, Start.AddSeconds(100)), (acquired.Remaining, acquired.ResetAt));
    }

    [Fact]
    public async Task What_is_left_is_reported_per_severity_after_each_call()
    {
        var budget = Budget(limit: 8, reservePercent: 25);

        var critical = Assert.IsType<RateBudgetDecision.Acquired>(await budget.TryAcquireAsync(AlertSeverity.Critical, default));
        var warning = Assert.IsType<RateBudgetDecision.Acquired>(await budget.TryAcquireAsync(AlertSeverity.Warning, default));

        // Critical may use all 8: 7 left. A warning may use 8 - 25 % = 6, of which 2 are now used: 4 left.
        Assert.Equal((7, Start.AddMinutes(1)), (critical.Remaining, critical.ResetAt));
        Assert.Equal(4, warning.Remaining);
    }

    [Theory]
    [InlineData(AlertSeverity.Critical, true)]
    [InlineData(AlertSeverity.Error, true)]
    [InlineData(AlertSeverity.Warning, false)]
    [InlineData(AlertSeverity.Informational, false)]
    public async Task Only_error_and_critical_alerts_may_use_the_reserve(AlertSeverity severity, bool mayUseReserve)
    {
        var budget = Budget(limit: 4, reservePercent: 50);
        await AcquireEach(budget, AlertSeverity.Warning, 2);

        var decision = await budget.TryAcquireAsync(severity, default);

        if (mayUseReserve)
        {
            Assert.IsType<RateBudgetDecision.Acquired>(decision);
        }
        else
        {
            Assert.Equal(RateBudgetExhaustion.ReservedForHigherSeverity, Assert.IsType<RateBudgetDecision.Exhausted>(decision).Reason);
        }
    }

    [Fact]
    public async Task A_budget_whose_store_loses_every_race_backs_off_for_a_second()
    {
        var budget = Budget();
        _store.RacesToLose = int.MaxValue;

        var decision = await budget.TryAcquireAsync(AlertSeverity.Critical, default);

        Assert.Equal(new RateBudgetDecision.Exhausted(Start.AddSeconds(1), RateBudgetExhaustion.Contention), decision);
        Assert.Equal(100, _store.RacesLost);
    }

    [Fact]
    public async Task An_acquire_that_loses_a_few_races_still_takes_its_call()
    {
        var budget = Budget();
        await budget.TryAcquireAsync(AlertSeverity.Critical, default);
        _store.RacesToLose = 3;

        var acquired = Assert.IsType<RateBudgetDecision.Acquired>(await budget.TryAcquireAsync(AlertSeverity.Critical, default));

        Assert.Equal(22, acquired.Remaining);
    }

    [Fact]
    public async Task Headers_whose_writes_lose_every_race_give_up_after_the_bound()
    {
        var logs = new FakeLogger<RateBudget>();
        var budget = Budget(logger: logs);
        _store.RacesToLose = int.MaxValue;

        await Observe(budget, limit: 24, remaining: 0, Start.AddSeconds(30));

        Assert.Equal(100, _store.RacesLost);
        Assert.Contains(logs.Collector.GetSnapshot(), entry => entry.Id.Id == 3202);
    }

    [Fact]
    public async Task A_429_whose_writes_lose_every_race_gives_up_after_the_bound()
    {
        var budget = Budget();
        _store.RacesToLose = int.MaxValue;

        await RateLimited(budget, Start.AddSeconds(30));

        Assert.Equal(100, _store.RacesLost);
    }

    [Fact]
    public async Task Headers_that_lose_a_race_are_applied_on_the_next_attempt()
    {
        var budget = Budget();
        await budget.TryAcquireAsync(AlertSeverity.Critical, default);
        _store.RacesToLose = 1;

        await Observe(budget, limit: 24, remaining: 0, Start.AddSeconds(50));

        Assert.IsType<RateBudgetDecision.Exhausted>(await budget.TryAcquireAsync(AlertSeverity.Critical, default));
    }

    [Fact]
    public async Task A_429_that_loses_a_race_blocks_on_the_next_attempt()
    {
        var budget = Budget();
        _store.RacesToLose = 1;

        await RateLimited(budget, Start.AddSeconds(30));

        Assert.Equal(RateBudgetExhaustion.RateLimitedByApi, Assert.IsType<RateBudgetDecision.Exhausted>(await budget.TryAcquireAsync(AlertSeverity.Critical, default)).Reason);
    }

    private RateBudget Budget(int limit = 24, int reservePercent = 25, FakeLogger<RateBudget>? logger = null) =>
        new(_store, Options.Create(new RateBudgetOptions { Limit = limit, HighSeverityReservePercent = reservePercent, Scope = "org-1" }), _time, logger ?? (Microsoft.Extensions.Logging.ILogger<RateBudget>)NullLogger<RateBudget>.Instance);

    private static Task Observe(IRateLimitObserver budget, int limit, int remaining, DateTimeOffset resetAt) =>
        budget.ObserveHeadersAsync(new RateLimitSnapshot { InstantTest = new RateLimitWindow(limit, remaining, resetAt) }, instantTestCall: true, default);

    private static Task RateLimited(IRateLimitObserver budget, DateTimeOffset until) =>
        budget.ObserveRateLimitedAsync(new RateLimitedError(until, RateLimitFamily.InstantTest), instantTestCall: true, default);

    private static async Task<int> AcquireEach(RateBudget budget, AlertSeverity severity, int count)
    {
        var acquired = 0;
        for (var i = 0; i < count; i++)
        {
            acquired += await budget.TryAcquireAsync(severity, default) is RateBudgetDecision.Acquired ? 1 : 0;
        }

        return acquired;
    }
}
