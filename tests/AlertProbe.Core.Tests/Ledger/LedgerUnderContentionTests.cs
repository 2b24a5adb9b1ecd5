using AlertProbe.Core.Alerts;
using AlertProbe.Core.Ledger;
using AlertProbe.Core.Ledger.Storage;
using AlertProbe.Core.Tests.Messages;
using Microsoft.Extensions.Time.Testing;

namespace AlertProbe.Core.Tests.Ledger;

/// <summary>
/// The ledger's conditional writes under a store that loses races (as Table Storage answers 409/412 when another
/// instance wrote first): a few lost races are retried to success; a store that loses every race makes each operation
/// fail loudly, naming what it was doing, after a bounded number of attempts, instead of spinning or answering wrongly.
/// </summary>
public sealed class LedgerUnderContentionTests
{
    private const int Bound = 64;
    private static readonly TimeSpan Cooldown = TimeSpan.FromMinutes(5);

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 14, 9, 0, 0, TimeSpan.Zero));
    private readonly LosingLedgerStore _store = new(new InMemoryLedgerStore());

    [Fact]
    public async Task A_claim_that_loses_a_few_races_is_retried_until_it_is_claimed()
    {
        var ledger = Ledger();
        _store.RacesToLose = 3;

        var claim = await ledger.TryClaimCoalescingAsync("key", "alert-a", "msg-a:p0", Cooldown, default);

        Assert.IsType<CoalescingClaim.Claimed>(claim);
        Assert.Equal(3, _store.RacesLost);
    }

    [Fact]
    public async Task An_intake_that_loses_a_few_races_is_retried_until_it_starts()
    {
        var ledger = Ledger();
        _store.RacesToLose = 2;

        var intake = await ledger.BeginIntakeAsync("msg-a", "p0", default);

        Assert.IsType<IntakeClaim.Started>(intake);
    }

    [Fact]
    public async Task A_claim_that_loses_every_race_fails_after_the_bound_naming_the_claim()
    {
        var ledger = Ledger();
        _store.RacesToLose = int.MaxValue;

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => ledger.TryClaimCoalescingAsync("key", "alert-a", "msg-a:p0", Cooldown, default));

        Assert.Equal($"The ledger lost {Bound} races in a row on a coalescing claim; storage is under unexpected contention.", error.Message);
        Assert.Equal(Bound, _store.RacesLost);
    }

    [Fact]
    public async Task An_alert_coalescing_onto_a_pending_claim_that_loses_every_race_fails_naming_the_claim()
    {
        var ledger = Ledger();
        await ledger.TryClaimCoalescingAsync("key", "alert-a", "msg-a:p0", Cooldown, default);
        _store.RacesToLose = int.MaxValue;

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => ledger.TryClaimCoalescingAsync("key", "alert-b", "msg-b:p0", Cooldown, default));

        Assert.Contains("on a coalescing claim;", error.Message, StringComparison.Ordinal);
        Assert.Equal(Bound, _store.RacesLost);
    }

    [Fact]
    public async Task Completing_a_claim_that_loses_every_race_fails_naming_the_update()
    {
        var ledger = Ledger();
        var claim = (CoalescingClaim.Claimed)await ledger.TryClaimCoalescingAsync("key", "alert-a", "msg-a:p0", Cooldown, default);
        _store.RacesToLose = int.MaxValue;

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => ledger.CompleteClaimAsync("key", claim.ClaimId, "test-1", default));

        Assert.Contains("on a coalescing claim update;", error.Message, StringComparison.Ordinal);
        Assert.Equal(Bound, _store.RacesLost);
    }

    [Fact]
    public async Task Releasing_a_claim_that_loses_every_race_fails_naming_the_release()
    {
        var ledger = Ledger();
        var claim = (CoalescingClaim.Claimed)await ledger.TryClaimCoalescingAsync("key", "alert-a", "msg-a:p0", Cooldown, default);
        _store.RacesToLose = int.MaxValue;

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => ledger.ReleaseClaimAsync("key", claim.ClaimId, default));

        Assert.Contains("on a coalescing claim release;", error.Message, StringComparison.Ordinal);
        Assert.Equal(Bound, _store.RacesLost);
    }

    [Fact]
    public async Task Holding_a_claim_that_loses_every_race_fails_naming_the_hold()
    {
        var ledger = Ledger();
        var claim = (CoalescingClaim.Claimed)await ledger.TryClaimCoalescingAsync("key", "alert-a", "msg-a:p0", Cooldown, default);
        _store.RacesToLose = int.MaxValue;

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => ledger.HoldCoalescingAsync("key", claim.ClaimId, _time.GetUtcNow().AddHours(1), default));

        Assert.Contains("on a coalescing claim hold;", error.Message, StringComparison.Ordinal);
        Assert.Equal(Bound, _store.RacesLost);
    }

    [Fact]
    public async Task A_held_claim_that_loses_a_race_is_held_on_the_next_attempt()
    {
        var ledger = Ledger();
        var claim = (CoalescingClaim.Claimed)await ledger.TryClaimCoalescingAsync("key", "alert-a", "msg-a:p0", Cooldown, default);
        var until = _time.GetUtcNow().AddHours(1);
        _store.RacesToLose = 1;

        Assert.True(await ledger.HoldCoalescingAsync("key", claim.ClaimId, until, default));
        _time.Advance(TimeSpan.FromMinutes(30));

        // Still held after its cooldown: another alert coalesces onto it instead of claiming the key.
        Assert.IsType<CoalescingClaim.Coalesced>(await ledger.TryClaimCoalescingAsync("key", "alert-b", "msg-b:p0", Cooldown, default));
    }

    [Fact]
    public async Task Starting_an_intake_that_loses_every_race_fails_naming_the_intake_claim()
    {
        var ledger = Ledger();
        _store.RacesToLose = int.MaxValue;

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => ledger.BeginIntakeAsync("msg-a", "p0", default));

        Assert.Contains("on a intake claim;", error.Message, StringComparison.Ordinal);
        Assert.Equal(Bound, _store.RacesLost);
    }

    [Fact]
    public async Task Taking_over_a_stale_intake_that_loses_every_race_fails_naming_the_intake_claim()
    {
        var ledger = Ledger();
        await ledger.BeginIntakeAsync("msg-a", "p0", default);
        _time.Advance(TimeSpan.FromMinutes(3));
        _store.RacesToLose = int.MaxValue;

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => ledger.BeginIntakeAsync("msg-a", "p0", default));

        Assert.Contains("on a intake claim;", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Recording_a_creation_that_loses_every_race_fails_naming_the_intake_update()
    {
        var ledger = Ledger();
        var started = (IntakeClaim.Started)await ledger.BeginIntakeAsync("msg-a", "p0", default);
        _store.RacesToLose = int.MaxValue;

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => ledger.MarkCreatedAsync("msg-a", "p0", started.LeaseId, MessageSamples.Created(), default));

        Assert.Contains("on a intake update;", error.Message, StringComparison.Ordinal);
        Assert.Equal(Bound, _store.RacesLost);
    }

    [Fact]
    public async Task A_creation_record_that_loses_a_race_is_written_on_the_next_attempt()
    {
        var ledger = Ledger();
        var started = (IntakeClaim.Started)await ledger.BeginIntakeAsync("msg-a", "p0", default);
        _store.RacesToLose = 1;

        Assert.True(await ledger.MarkCreatedAsync("msg-a", "p0", started.LeaseId, MessageSamples.Created(), default));

        Assert.IsType<IntakeClaim.AlreadyCreated>(await ledger.BeginIntakeAsync("msg-a", "p0", default));
    }

    [Fact]
    public async Task Recording_a_resolution_that_loses_every_race_fails_naming_the_alert_state()
    {
        var ledger = Ledger();
        _store.RacesToLose = int.MaxValue;

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => ledger.RecordAlertResolvedAsync(AlertSource.Alertmanager, "alert-a", _time.GetUtcNow(), default));

        Assert.Contains("on a alert state;", error.Message, StringComparison.Ordinal);
        Assert.Equal(Bound, _store.RacesLost);
    }

    [Fact]
    public async Task A_later_resolution_that_loses_a_race_is_recorded_on_the_next_attempt()
    {
        var ledger = Ledger();
        var first = _time.GetUtcNow();
        await ledger.RecordAlertResolvedAsync(AlertSource.Alertmanager, "alert-a", first, default);
        _store.RacesToLose = 1;

        await ledger.RecordAlertResolvedAsync(AlertSource.Alertmanager, "alert-a", first.AddMinutes(5), default);

        Assert.Equal(first.AddMinutes(5), await ledger.GetAlertResolvedAtAsync(AlertSource.Alertmanager, "alert-a", default));
    }

    private StoreLedger Ledger() => new(_store, _time, TimeSpan.FromMinutes(2));
}
