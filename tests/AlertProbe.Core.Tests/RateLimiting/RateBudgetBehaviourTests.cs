using AlertProbe.Core.Alerts;
using AlertProbe.Core.Ledger.Storage;
using AlertProbe.Core.RateLimiting;
using AlertProbe.ThousandEyes.Errors;
using AlertProbe.ThousandEyes.RateLimiting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace AlertProbe.Core.Tests.RateLimiting;

/// <summary>The shared rate budget's behaviour, run against every store (see the derived classes).</summary>
public abstract class RateBudgetBehaviourTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 14, 9, 0, 0, TimeSpan.Zero);

    // Thread-safe: concurrent tests touch the store first from several threads at once.
    private readonly Lazy<ILedgerStore> _store;

    protected RateBudgetBehaviourTests() => _store = new Lazy<ILedgerStore>(CreateStore);

    protected FakeTimeProvider Time { get; } = new(Start);

    private ILedgerStore Store => _store.Value;

    protected abstract ILedgerStore CreateStore();

    private RateBudget Budget(int limit = 24, int reservePercent = 25, string scope = "org-1") =>
        new(Store, Options.Create(new RateBudgetOptions { Limit = limit, HighSeverityReservePercent = reservePercent, Scope = scope }), Time, NullLogger<RateBudget>.Instance);

    /// <summary>What the client's pipeline reports after a create or rerun that carried instant-test headers.</summary>
    private static Task Observe(IRateLimitObserver budget, int limit, int remaining, DateTimeOffset resetAt, bool instantTestCall = true) =>
        budget.ObserveHeadersAsync(new RateLimitSnapshot { InstantTest = new RateLimitWindow(limit, remaining, resetAt) }, instantTestCall, default);

    /// <summary>What the client's pipeline reports after a 429 on a create or rerun.</summary>
    private static Task RateLimited(IRateLimitObserver budget, DateTimeOffset until, bool instantTestCall = true) =>
        budget.ObserveRateLimitedAsync(new RateLimitedError(until, RateLimitFamily.InstantTest), instantTestCall, default);

    private static async Task<int> AcquireAll(RateBudget budget, AlertSeverity severity, int count)
    {
        var decisions = await Task.WhenAll(Enumerable.Range(0, count).Select(_ => Task.Run(() => budget.TryAcquireAsync(severity, default))));
        return decisions.Count(d => d is RateBudgetDecision.Acquired);
    }

    [Fact]
    public async Task Twenty_four_concurrent_acquires_on_a_limit_of_24_all_succeed()
    {
        Assert.Equal(24, await AcquireAll(Budget(), AlertSeverity.Critical, 24));
    }

    [Fact]
    public async Task The_25th_acquire_is_exhausted_until_the_window_resets()
    {
        var budget = Budget();
        await AcquireAll(budget, AlertSeverity.Critical, 24);

        var decision = await budget.TryAcquireAsync(AlertSeverity.Critical, default);

        Assert.Equal(new RateBudgetDecision.Exhausted(Start.AddMinutes(1), RateBudgetExhaustion.WindowUsed), decision);
    }

    [Fact]
    public async Task Concurrent_acquires_beyond_the_limit_never_oversubscribe()
    {
        Assert.Equal(10, await AcquireAll(Budget(limit: 10, reservePercent: 0), AlertSeverity.Warning, 30));
    }

    [Fact]
    public async Task Lower_severities_stop_at_the_reserve()
    {
        var budget = Budget();
        Assert.Equal(18, await AcquireAll(budget, AlertSeverity.Warning, 18));

        var decision = await budget.TryAcquireAsync(AlertSeverity.Warning, default);

        Assert.Equal(new RateBudgetDecision.Exhausted(Start.AddMinutes(1), RateBudgetExhaustion.ReservedForHigherSeverity), decision);
    }

    [Fact]
    public async Task Error_and_critical_alerts_may_use_the_reserve()
    {
        var budget = Budget();
        await AcquireAll(budget, AlertSeverity.Warning, 18);

        Assert.Equal(6, await AcquireAll(budget, AlertSeverity.Error, 8));
    }

    [Fact]
    public async Task A_new_window_starts_once_the_old_one_resets()
    {
        var budget = Budget();
        await AcquireAll(budget, AlertSeverity.Critical, 24);
        Time.Advance(TimeSpan.FromMinutes(1));

        Assert.IsType<RateBudgetDecision.Acquired>(await budget.TryAcquireAsync(AlertSeverity.Warning, default));
    }

    [Fact]
    public async Task Remaining_from_the_headers_lowers_what_is_left()
    {
        var budget = Budget();
        await Observe(budget, limit: 24, remaining: 4, resetAt: Start.AddSeconds(50));

        Assert.Equal(4, await AcquireAll(budget, AlertSeverity.Critical, 6));
    }

    [Fact]
    public async Task Headers_never_give_back_calls_already_taken()
    {
        var budget = Budget();
        await AcquireAll(budget, AlertSeverity.Critical, 5);

        await Observe(budget, limit: 24, remaining: 24, resetAt: Start.AddSeconds(50));

        Assert.Equal(19, await AcquireAll(budget, AlertSeverity.Critical, 24));
    }

    [Fact]
    public async Task A_later_reset_from_the_headers_moves_the_window()
    {
        var budget = Budget();
        await budget.TryAcquireAsync(AlertSeverity.Critical, default);

        await Observe(budget, limit: 24, remaining: 0, resetAt: Start.AddSeconds(90));

        Assert.Equal(
            new RateBudgetDecision.Exhausted(Start.AddSeconds(90), RateBudgetExhaustion.WindowUsed),
            await budget.TryAcquireAsync(AlertSeverity.Critical, default));
    }

    [Fact]
    public async Task A_smaller_limit_from_the_headers_caps_the_budget()
    {
        var budget = Budget();

        await Observe(budget, limit: 2, remaining: 2, resetAt: Start.AddSeconds(30));

        Assert.Equal(2, await AcquireAll(budget, AlertSeverity.Critical, 5));
    }

    [Fact]
    public async Task A_configured_limit_below_the_apis_is_kept()
    {
        var budget = Budget(limit: 10);

        await Observe(budget, limit: 24, remaining: 24, resetAt: Start.AddSeconds(30));

        Assert.Equal(10, await AcquireAll(budget, AlertSeverity.Critical, 15));
    }

    [Fact]
    public async Task Headers_with_a_reset_already_past_are_ignored()
    {
        var budget = Budget();

        await Observe(budget, limit: 24, remaining: 0, resetAt: Start.AddSeconds(-1));

        Assert.IsType<RateBudgetDecision.Acquired>(await budget.TryAcquireAsync(AlertSeverity.Critical, default));
    }

    [Fact]
    public async Task A_429_blocks_every_severity_until_the_instant_it_names()
    {
        var budget = Budget();

        await RateLimited(budget, Start.AddSeconds(40));

        Assert.Equal(
            new RateBudgetDecision.Exhausted(Start.AddSeconds(40), RateBudgetExhaustion.RateLimitedByApi),
            await budget.TryAcquireAsync(AlertSeverity.Critical, default));
    }

    [Fact]
    public async Task Headers_of_a_read_call_leave_the_budget_alone()
    {
        var budget = Budget();

        await Observe(budget, limit: 24, remaining: 0, resetAt: Start.AddSeconds(50), instantTestCall: false);

        Assert.IsType<RateBudgetDecision.Acquired>(await budget.TryAcquireAsync(AlertSeverity.Critical, default));
    }

    [Fact]
    public async Task A_429_on_a_read_call_does_not_block_the_budget()
    {
        var budget = Budget();

        await RateLimited(budget, Start.AddSeconds(40), instantTestCall: false);

        Assert.IsType<RateBudgetDecision.Acquired>(await budget.TryAcquireAsync(AlertSeverity.Critical, default));
    }

    [Fact]
    public async Task After_a_429_the_budget_opens_again_at_the_instant_it_named()
    {
        var budget = Budget();
        await RateLimited(budget, Start.AddSeconds(40));
        Time.Advance(TimeSpan.FromSeconds(40));

        Assert.IsType<RateBudgetDecision.Acquired>(await budget.TryAcquireAsync(AlertSeverity.Warning, default));
    }

    [Fact]
    public async Task Instances_sharing_a_store_share_the_budget()
    {
        var first = Budget(limit: 4, reservePercent: 0);
        var second = Budget(limit: 4, reservePercent: 0);
        await AcquireAll(first, AlertSeverity.Warning, 3);

        Assert.Equal(1, await AcquireAll(second, AlertSeverity.Warning, 3));
    }

    [Fact]
    public async Task Budgets_of_different_scopes_are_independent()
    {
        await AcquireAll(Budget(limit: 2, reservePercent: 0, scope: "org-1"), AlertSeverity.Warning, 2);

        Assert.IsType<RateBudgetDecision.Acquired>(await Budget(limit: 2, reservePercent: 0, scope: "org-2").TryAcquireAsync(AlertSeverity.Warning, default));
    }

    // ── Booking: a copy waiting for the budget is scheduled once, spread across a coming window ─────────

    [Fact]
    public async Task Copies_waiting_for_a_spent_window_are_booked_one_slot_apart_across_the_next_window()
    {
        var budget = Budget(limit: 4, reservePercent: 0);
        await AcquireAll(budget, AlertSeverity.Critical, 4);

        var booked = await BookAll(budget, AlertSeverity.Critical, 5);

        Assert.Equal(
            [Start.AddMinutes(1), Start.AddSeconds(75), Start.AddSeconds(90), Start.AddSeconds(105), Start.AddSeconds(121)],
            booked.Select(b => b.RetryAt));
        Assert.Equal([Start.AddMinutes(1), Start.AddMinutes(1), Start.AddMinutes(1), Start.AddMinutes(1), Start.AddSeconds(121)], booked.Select(b => b.Booking));
    }

    [Fact]
    public async Task A_critical_booked_after_warnings_gets_the_next_windows_first_slot_before_them()
    {
        // Limit 4, 25 % reserve: warnings may book 3 slots of a window, so the 4th is always there for a critical.
        var budget = Budget(limit: 4, reservePercent: 25);
        await AcquireAll(budget, AlertSeverity.Critical, 4);
        var warnings = await BookAll(budget, AlertSeverity.Warning, 6);

        var critical = Assert.IsType<RateBudgetDecision.Exhausted>(await budget.TryAcquireOrBookAsync(AlertSeverity.Critical, null, default));

        Assert.Equal(Start.AddMinutes(1), critical.Booking);
        Assert.True(critical.RetryAt < warnings[0].RetryAt, $"the critical comes at {critical.RetryAt:O}, after the first warning at {warnings[0].RetryAt:O}");
    }

    [Fact]
    public async Task A_booked_copy_takes_its_slot_although_a_newcomer_came_first()
    {
        var budget = Budget(limit: 2, reservePercent: 0);
        await AcquireAll(budget, AlertSeverity.Critical, 2);
        var booked = await BookAll(budget, AlertSeverity.Critical, 2);
        Time.SetUtcNow(booked[0].RetryAt);

        var newcomer = await budget.TryAcquireOrBookAsync(AlertSeverity.Critical, null, default);
        var first = await budget.TryAcquireOrBookAsync(AlertSeverity.Critical, booked[0].Booking, default);
        Time.SetUtcNow(booked[1].RetryAt);
        var second = await budget.TryAcquireOrBookAsync(AlertSeverity.Critical, booked[1].Booking, default);

        Assert.IsType<RateBudgetDecision.Exhausted>(newcomer);
        Assert.IsType<RateBudgetDecision.Acquired>(first);
        Assert.IsType<RateBudgetDecision.Acquired>(second);
    }

    [Fact]
    public async Task A_newcomer_uses_what_the_booked_copies_leave_of_a_window()
    {
        var budget = Budget(limit: 3, reservePercent: 0);
        await AcquireAll(budget, AlertSeverity.Critical, 3);
        var booked = Assert.Single(await BookAll(budget, AlertSeverity.Critical, 1));
        Time.SetUtcNow(booked.RetryAt);

        Assert.IsType<RateBudgetDecision.Acquired>(await budget.TryAcquireOrBookAsync(AlertSeverity.Warning, null, default));
        Assert.IsType<RateBudgetDecision.Acquired>(await budget.TryAcquireOrBookAsync(AlertSeverity.Warning, null, default));
        Assert.IsType<RateBudgetDecision.Acquired>(await budget.TryAcquireOrBookAsync(AlertSeverity.Critical, booked.Booking, default));
    }

    [Fact]
    public async Task Acquiring_without_booking_books_nothing()
    {
        var budget = Budget(limit: 1, reservePercent: 0);
        await AcquireAll(budget, AlertSeverity.Critical, 1);
        Assert.Null(Assert.IsType<RateBudgetDecision.Exhausted>(await budget.TryAcquireAsync(AlertSeverity.Critical, default)).Booking);
        Time.Advance(TimeSpan.FromMinutes(1));

        Assert.IsType<RateBudgetDecision.Acquired>(await budget.TryAcquireAsync(AlertSeverity.Critical, default));
    }

    [Fact]
    public async Task Slots_booked_for_copies_that_never_came_are_free_once_their_window_is_over()
    {
        var budget = Budget(limit: 1, reservePercent: 0);
        await AcquireAll(budget, AlertSeverity.Critical, 1);
        await BookAll(budget, AlertSeverity.Critical, 3);
        Time.Advance(TimeSpan.FromMinutes(10));

        Assert.IsType<RateBudgetDecision.Acquired>(await budget.TryAcquireOrBookAsync(AlertSeverity.Critical, null, default));
    }

    private static async Task<List<RateBudgetDecision.Exhausted>> BookAll(RateBudget budget, AlertSeverity severity, int count)
    {
        var booked = new List<RateBudgetDecision.Exhausted>();
        for (var i = 0; i < count; i++)
        {
            booked.Add(Assert.IsType<RateBudgetDecision.Exhausted>(await budget.TryAcquireOrBookAsync(severity, null, default)));
        }

        return booked;
    }
}
