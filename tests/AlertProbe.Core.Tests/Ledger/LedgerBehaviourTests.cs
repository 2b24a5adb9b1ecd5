using AlertProbe.Core.Alerts;
using AlertProbe.Core.Ledger;
using AlertProbe.Core.Messages;
using AlertProbe.Core.Tests.Messages;
using Microsoft.Extensions.Time.Testing;

namespace AlertProbe.Core.Tests.Ledger;

/// <summary>The ledger's behaviour, run against every implementation (see the derived classes).</summary>
public abstract class LedgerBehaviourTests
{
    private static readonly TimeSpan Cooldown = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    // Thread-safe: concurrent tests touch the ledger first from several threads at once.
    private readonly Lazy<ILedger> _ledger;

    protected LedgerBehaviourTests() => _ledger = new Lazy<ILedger>(() => CreateLedger(Lease));

    protected FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 14, 9, 0, 0, TimeSpan.Zero));

    private ILedger Ledger => _ledger.Value;

    protected abstract ILedger CreateLedger(TimeSpan intakeLease);

    // ── Coalescing ───────────────────────────────────────────────────────────────────────────────

    [Fact]
    public async Task The_first_claim_of_a_key_is_claimed_for_the_cooldown()
    {
        var claim = await Ledger.TryClaimCoalescingAsync("http-server|example.com", "alert-a", "msg-a:p0", Cooldown, default);

        Assert.Equal(Time.GetUtcNow() + Cooldown, Assert.IsType<CoalescingClaim.Claimed>(claim).ExpiresAt);
    }

    [Fact]
    public async Task Twenty_concurrent_claims_of_one_key_yield_exactly_one_claimed()
    {
        var claims = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            Task.Run(() => Ledger.TryClaimCoalescingAsync("http-server|example.com", $"alert-{i}", $"msg-{i}:p0", Cooldown, default))));

        Assert.Equal((1, 19), (claims.Count(c => c is CoalescingClaim.Claimed), claims.Count(c => c is CoalescingClaim.Coalesced)));
    }

    [Fact]
    public async Task A_second_alert_within_the_cooldown_is_coalesced_while_the_test_is_pending()
    {
        await Ledger.TryClaimCoalescingAsync("key", "alert-a", "msg-a:p0", Cooldown, default);
        Time.Advance(TimeSpan.FromMinutes(1));

        var claim = await Ledger.TryClaimCoalescingAsync("key", "alert-b", "msg-b:p0", Cooldown, default);

        Assert.True(Assert.IsType<CoalescingClaim.Coalesced>(claim).IsPending);
    }

    [Fact]
    public async Task A_coalesced_alert_learns_the_test_attached_to_the_claim()
    {
        var first = (CoalescingClaim.Claimed)await Ledger.TryClaimCoalescingAsync("key", "alert-a", "msg-a:p0", Cooldown, default);
        await Ledger.AttachTestAsync("key", first.ClaimId, "test-1", default);

        var claim = await Ledger.TryClaimCoalescingAsync("key", "alert-b", "msg-b:p0", Cooldown, default);

        Assert.Equal("test-1", Assert.IsType<CoalescingClaim.Coalesced>(claim).TestId);
    }

    [Fact]
    public async Task An_expired_claim_is_claimed_again()
    {
        await Ledger.TryClaimCoalescingAsync("key", "alert-a", "msg-a:p0", Cooldown, default);
        Time.Advance(Cooldown);

        var claim = await Ledger.TryClaimCoalescingAsync("key", "alert-b", "msg-b:p0", Cooldown, default);

        Assert.IsType<CoalescingClaim.Claimed>(claim);
    }

    [Fact]
    public async Task Concurrent_takeovers_of_an_expired_claim_yield_exactly_one_claimed()
    {
        await Ledger.TryClaimCoalescingAsync("key", "alert-a", "msg-a:p0", Cooldown, default);
        Time.Advance(Cooldown + TimeSpan.FromSeconds(1));

        var claims = await Task.WhenAll(Enumerable.Range(0, 10).Select(i =>
            Task.Run(() => Ledger.TryClaimCoalescingAsync("key", $"alert-{i}", $"msg-{i}:p0", Cooldown, default))));

        Assert.Equal(1, claims.Count(c => c is CoalescingClaim.Claimed));
    }

    [Fact]
    public async Task The_same_claimant_gets_its_claim_back_within_the_window()
    {
        var first = (CoalescingClaim.Claimed)await Ledger.TryClaimCoalescingAsync("key", "alert-a", "msg-a:p0", Cooldown, default);

        var again = await Ledger.TryClaimCoalescingAsync("key", "alert-a", "msg-a:p0", Cooldown, default);

        Assert.Equal(first, again);
    }

    [Fact]
    public async Task Alerts_coalesced_onto_a_claim_are_recorded_once_each()
    {
        var first = (CoalescingClaim.Claimed)await Ledger.TryClaimCoalescingAsync("key", "alert-a", "msg-a:p0", Cooldown, default);
        await Ledger.TryClaimCoalescingAsync("key", "alert-b", "msg-b:p0", Cooldown, default);
        Time.Advance(TimeSpan.FromSeconds(1));
        await Ledger.TryClaimCoalescingAsync("key", "alert-c", "msg-c:p0", Cooldown, default);
        await Ledger.TryClaimCoalescingAsync("key", "alert-b", "msg-b2:p0", Cooldown, default);

        // What the claimant gets back when it gives the key up: each attached alert once, in arrival order.
        var attached = await Ledger.ReleaseClaimAsync("key", first.ClaimId, default);

        Assert.Equal(["alert-b", "alert-c"], attached!.Select(a => a.AlertId));
    }

    [Fact]
    public async Task A_released_key_can_be_claimed_at_once()
    {
        var first = (CoalescingClaim.Claimed)await Ledger.TryClaimCoalescingAsync("key", "alert-a", "msg-a:p0", Cooldown, default);
        await Ledger.ReleaseCoalescingAsync("key", first.ClaimId, default);

        var claim = await Ledger.TryClaimCoalescingAsync("key", "alert-b", "msg-b:p0", Cooldown, default);

        Assert.IsType<CoalescingClaim.Claimed>(claim);
    }

    [Fact]
    public async Task A_former_owner_cannot_attach_a_test_to_a_claim_taken_over()
    {
        var first = (CoalescingClaim.Claimed)await Ledger.TryClaimCoalescingAsync("key", "alert-a", "msg-a:p0", Cooldown, default);
        Time.Advance(Cooldown);
        await Ledger.TryClaimCoalescingAsync("key", "alert-b", "msg-b:p0", Cooldown, default);

        Assert.False(await Ledger.AttachTestAsync("key", first.ClaimId, "test-late", default));
    }

    [Theory]
    [InlineData("http-server|https://example.com/a/b?c=d#e")]
    [InlineData("back\\slash and\ttab")]
    [InlineData("~looks-like-a-digest")]
    public async Task Keys_with_characters_tables_forbid_work(string key)
    {
        var first = await Ledger.TryClaimCoalescingAsync(key, "alert-a", "msg-a:p0", Cooldown, default);
        var second = await Ledger.TryClaimCoalescingAsync(key, "alert-b", "msg-b:p0", Cooldown, default);

        Assert.Equal((true, true), (first is CoalescingClaim.Claimed, second is CoalescingClaim.Coalesced));
    }

    [Fact]
    public async Task A_very_long_key_works()
    {
        var key = "agent-to-server|" + new string('x', 2000);

        await Ledger.TryClaimCoalescingAsync(key, "alert-a", "msg-a:p0", Cooldown, default);

        Assert.IsType<CoalescingClaim.Coalesced>(await Ledger.TryClaimCoalescingAsync(key, "alert-b", "msg-b:p0", Cooldown, default));
    }

    // ── Coalescing onto a pending claim ──────────────────────────────────────────────────────────

    [Fact]
    public async Task Completing_a_claim_hands_back_the_alerts_attached_while_it_was_pending()
    {
        var first = (CoalescingClaim.Claimed)await Ledger.TryClaimCoalescingAsync("key", Alert("alert-a", "msg-a"), "msg-a:p0", Cooldown, default);
        await Ledger.TryClaimCoalescingAsync("key", Alert("alert-b", "msg-b"), "msg-b:p0", Cooldown, default);
        await Ledger.TryClaimCoalescingAsync("key", Alert("alert-c", "msg-c", reply: true), "msg-c:p0", Cooldown, default);

        var riding = await Ledger.CompleteClaimAsync("key", first.ClaimId, "test-1", default);

        Assert.Equal(["alert-b", "alert-c"], riding!.Select(a => a.AlertId));
        Assert.Equal(["msg-b", "msg-c"], riding!.Select(a => a.OriginalMessageId));
        Assert.Equal([null, new Uri("https://hooks.example.com/reply/msg-c")], riding!.Select(a => a.ReplyTo?.Url));
        Assert.All(riding!, a => Assert.Equal(AlertSeverity.Critical, a.Severity));
    }

    [Fact]
    public async Task An_alert_arriving_after_the_test_is_recorded_coalesces_onto_that_test_and_is_not_handed_back()
    {
        var first = (CoalescingClaim.Claimed)await Ledger.TryClaimCoalescingAsync("key", Alert("alert-a", "msg-a"), "msg-a:p0", Cooldown, default);
        await Ledger.CompleteClaimAsync("key", first.ClaimId, "test-1", default);

        var late = await Ledger.TryClaimCoalescingAsync("key", Alert("alert-b", "msg-b"), "msg-b:p0", Cooldown, default);

        Assert.Equal("test-1", Assert.IsType<CoalescingClaim.Coalesced>(late).TestId);
        Assert.Empty((await Ledger.CompleteClaimAsync("key", first.ClaimId, "test-1", default))!);
    }

    [Fact]
    public async Task Releasing_a_pending_claim_returns_every_alert_attached_to_it()
    {
        var first = (CoalescingClaim.Claimed)await Ledger.TryClaimCoalescingAsync("key", Alert("alert-a", "msg-a"), "msg-a:p0", Cooldown, default);
        await Ledger.TryClaimCoalescingAsync("key", Alert("alert-b", "msg-b"), "msg-b:p0", Cooldown, default);

        var orphans = await Ledger.ReleaseClaimAsync("key", first.ClaimId, default);

        Assert.Equal(["alert-b"], orphans!.Select(a => a.AlertId));
        Assert.IsType<CoalescingClaim.Claimed>(await Ledger.TryClaimCoalescingAsync("key", Alert("alert-c", "msg-c"), "msg-c:p0", Cooldown, default));
    }

    [Fact]
    public async Task A_claim_with_a_test_cannot_be_released()
    {
        var first = (CoalescingClaim.Claimed)await Ledger.TryClaimCoalescingAsync("key", Alert("alert-a", "msg-a"), "msg-a:p0", Cooldown, default);
        await Ledger.CompleteClaimAsync("key", first.ClaimId, "test-1", default);

        Assert.Null(await Ledger.ReleaseClaimAsync("key", first.ClaimId, default));
    }

    [Fact]
    public async Task An_expired_pending_claim_taken_over_carries_the_alerts_attached_to_it_onto_the_new_claims_test()
    {
        await Ledger.TryClaimCoalescingAsync("key", Alert("alert-a", "msg-a"), "msg-a:p0", Cooldown, default);
        await Ledger.TryClaimCoalescingAsync("key", Alert("alert-b", "msg-b"), "msg-b:p0", Cooldown, default);
        Time.Advance(Cooldown);

        var second = (CoalescingClaim.Claimed)await Ledger.TryClaimCoalescingAsync("key", Alert("alert-c", "msg-c"), "msg-c:p0", Cooldown, default);
        var riding = await Ledger.CompleteClaimAsync("key", second.ClaimId, "test-2", default);

        Assert.Equal(["alert-b"], riding!.Select(a => a.AlertId));
    }

    [Fact]
    public async Task An_alert_that_arrived_inside_a_tests_window_coalesces_onto_it_even_when_handled_after_the_window()
    {
        var arrived = Time.GetUtcNow();
        var first = (CoalescingClaim.Claimed)await Ledger.TryClaimCoalescingAsync("key", Alert("alert-a", "msg-a"), "msg-a:p0", Cooldown, default);
        await Ledger.CompleteClaimAsync("key", first.ClaimId, "test-1", default);
        Time.Advance(Cooldown + TimeSpan.FromMinutes(20));

        // Before: judged by the time it was handled, the late alert took the key over and got a second test.
        var late = await Ledger.TryClaimCoalescingAsync("key", Alert("alert-b", "msg-b") with { ReceivedAt = arrived.AddMinutes(1) }, "msg-b:p0", Cooldown, default);
        var fresh = await Ledger.TryClaimCoalescingAsync("key", Alert("alert-c", "msg-c") with { ReceivedAt = Time.GetUtcNow() }, "msg-c:p0", Cooldown, default);

        Assert.Equal("test-1", Assert.IsType<CoalescingClaim.Coalesced>(late).TestId);
        Assert.IsType<CoalescingClaim.Claimed>(fresh);
    }

    [Fact]
    public async Task An_expired_pending_claim_is_taken_over_even_by_an_alert_that_arrived_before_it_expired()
    {
        var arrived = Time.GetUtcNow();
        await Ledger.TryClaimCoalescingAsync("key", Alert("alert-a", "msg-a"), "msg-a:p0", Cooldown, default);
        Time.Advance(Cooldown + TimeSpan.FromMinutes(1));

        // A pending claim past its expiry may have lost its claimant: riding on it could leave the alert without a test.
        var claim = await Ledger.TryClaimCoalescingAsync("key", Alert("alert-b", "msg-b") with { ReceivedAt = arrived }, "msg-b:p0", Cooldown, default);

        Assert.IsType<CoalescingClaim.Claimed>(claim);
    }

    [Fact]
    public async Task A_held_pending_claim_outlives_its_cooldown_until_the_hold()
    {
        var first = (CoalescingClaim.Claimed)await Ledger.TryClaimCoalescingAsync("key", Alert("alert-a", "msg-a"), "msg-a:p0", Cooldown, default);
        Assert.True(await Ledger.HoldCoalescingAsync("key", first.ClaimId, Time.GetUtcNow() + Cooldown + Cooldown, default));
        Time.Advance(Cooldown + TimeSpan.FromMinutes(1));

        var claim = await Ledger.TryClaimCoalescingAsync("key", Alert("alert-b", "msg-b"), "msg-b:p0", Cooldown, default);

        Assert.True(Assert.IsType<CoalescingClaim.Coalesced>(claim).IsPending);
    }

    [Fact]
    public async Task A_claims_cooldown_runs_from_the_creation_of_its_test()
    {
        var first = (CoalescingClaim.Claimed)await Ledger.TryClaimCoalescingAsync("key", Alert("alert-a", "msg-a"), "msg-a:p0", Cooldown, default);
        await Ledger.HoldCoalescingAsync("key", first.ClaimId, Time.GetUtcNow() + Cooldown + Cooldown, default);
        Time.Advance(Cooldown + TimeSpan.FromMinutes(1));
        await Ledger.CompleteClaimAsync("key", first.ClaimId, "test-1", default);
        Time.Advance(Cooldown - TimeSpan.FromSeconds(1));

        var claim = await Ledger.TryClaimCoalescingAsync("key", Alert("alert-b", "msg-b"), "msg-b:p0", Cooldown, default);

        Assert.Equal("test-1", Assert.IsType<CoalescingClaim.Coalesced>(claim).TestId);
    }

    [Fact]
    public async Task Alerts_coalescing_concurrently_with_the_completion_are_each_either_handed_back_or_told_the_test()
    {
        var first = (CoalescingClaim.Claimed)await Ledger.TryClaimCoalescingAsync("key", Alert("alert-a", "msg-a"), "msg-a:p0", Cooldown, default);

        var attaching = Enumerable.Range(1, 12).Select(i => Task.Run(() => Ledger.TryClaimCoalescingAsync("key", Alert($"alert-{i}", $"msg-{i}"), $"msg-{i}:p0", Cooldown, default))).ToList();
        var completing = Task.Run(() => Ledger.CompleteClaimAsync("key", first.ClaimId, "test-1", default));
        var claims = await Task.WhenAll(attaching);
        var riding = (await completing)!.Select(a => a.AlertId).ToHashSet();

        var toldTheTest = claims.Select((c, i) => (Claim: Assert.IsType<CoalescingClaim.Coalesced>(c), Id: $"alert-{i + 1}")).Where(c => c.Claim.TestId == "test-1").Select(c => c.Id).ToHashSet();
        Assert.Equal(12, riding.Count + toldTheTest.Count);
        Assert.Empty(riding.Intersect(toldTheTest));
    }

    private static CoalescedAlert Alert(string alertId, string messageId, bool reply = false) => new()
    {
        Source = AlertSource.Alertmanager,
        AlertId = alertId,
        Severity = AlertSeverity.Critical,
        OriginalMessageId = messageId,
        CoalescedAt = DateTimeOffset.UnixEpoch,
        ReplyTo = reply ? new ReplyAddress { Kind = ReplyKind.Webhook, Url = new Uri("https://hooks.example.com/reply/" + messageId) } : null,
    };

    // ── Idempotency ──────────────────────────────────────────────────────────────────────────────

    [Fact]
    public async Task A_new_plan_of_a_message_starts_with_a_lease()
    {
        var claim = await Ledger.BeginIntakeAsync("msg-1", "plan-0", default);

        Assert.Equal(Time.GetUtcNow() + Lease, Assert.IsType<IntakeClaim.Started>(claim).LeaseExpiresAt);
    }

    [Fact]
    public async Task A_redelivery_while_the_lease_is_live_is_in_progress()
    {
        await Ledger.BeginIntakeAsync("msg-1", "plan-0", default);
        Time.Advance(TimeSpan.FromSeconds(30));

        var claim = await Ledger.BeginIntakeAsync("msg-1", "plan-0", default);

        Assert.IsType<IntakeClaim.InProgress>(claim);
    }

    [Fact]
    public async Task Redelivered_message_republishes_without_creating_a_second_test()
    {
        var started = (IntakeClaim.Started)await Ledger.BeginIntakeAsync("msg-1", "plan-0", default);
        var created = MessageSamples.Created();
        await Ledger.MarkCreatedAsync("msg-1", "plan-0", started.LeaseId, created, default);
        Time.Advance(TimeSpan.FromMinutes(10));

        var claim = await Ledger.BeginIntakeAsync("msg-1", "plan-0", default);

        var again = Assert.IsType<IntakeClaim.AlreadyCreated>(claim).Created;
        Assert.Equal(MessageEnvelope.Serialize(created).ToString(), MessageEnvelope.Serialize(again).ToString());
    }

    [Fact]
    public async Task A_published_plan_answers_already_published()
    {
        var started = (IntakeClaim.Started)await Ledger.BeginIntakeAsync("msg-1", "plan-0", default);
        await Ledger.MarkCreatedAsync("msg-1", "plan-0", started.LeaseId, MessageSamples.Created(), default);
        await Ledger.MarkPublishedAsync("msg-1", "plan-0", default);

        var claim = await Ledger.BeginIntakeAsync("msg-1", "plan-0", default);

        Assert.Equal(new IntakeClaim.AlreadyPublished("281474976710656"), claim);
    }

    [Fact]
    public async Task Marking_published_twice_is_harmless()
    {
        var started = (IntakeClaim.Started)await Ledger.BeginIntakeAsync("msg-1", "plan-0", default);
        await Ledger.MarkCreatedAsync("msg-1", "plan-0", started.LeaseId, MessageSamples.Created(), default);
        await Ledger.MarkPublishedAsync("msg-1", "plan-0", default);

        Assert.True(await Ledger.MarkPublishedAsync("msg-1", "plan-0", default));
    }

    [Fact]
    public async Task A_plan_never_created_cannot_be_marked_published()
    {
        await Ledger.BeginIntakeAsync("msg-1", "plan-0", default);

        Assert.False(await Ledger.MarkPublishedAsync("msg-1", "plan-0", default));
    }

    [Fact]
    public async Task A_stale_claim_is_started_again_once_its_lease_runs_out()
    {
        var first = (IntakeClaim.Started)await Ledger.BeginIntakeAsync("msg-1", "plan-0", default);
        Time.Advance(Lease);

        var claim = await Ledger.BeginIntakeAsync("msg-1", "plan-0", default);

        Assert.NotEqual(first.LeaseId, Assert.IsType<IntakeClaim.Started>(claim).LeaseId);
    }

    [Fact]
    public async Task The_former_lease_holder_cannot_mark_created_after_a_takeover()
    {
        var first = (IntakeClaim.Started)await Ledger.BeginIntakeAsync("msg-1", "plan-0", default);
        Time.Advance(Lease);
        await Ledger.BeginIntakeAsync("msg-1", "plan-0", default);

        Assert.False(await Ledger.MarkCreatedAsync("msg-1", "plan-0", first.LeaseId, MessageSamples.Created(), default));
    }

    [Fact]
    public async Task Concurrent_deliveries_of_one_plan_start_it_exactly_once()
    {
        var claims = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ =>
            Task.Run(() => Ledger.BeginIntakeAsync("msg-1", "plan-0", default))));

        Assert.Equal((1, 9), (claims.Count(c => c is IntakeClaim.Started), claims.Count(c => c is IntakeClaim.InProgress)));
    }

    [Fact]
    public async Task A_released_intake_starts_again_at_once()
    {
        var first = (IntakeClaim.Started)await Ledger.BeginIntakeAsync("msg-1", "plan-0", default);
        await Ledger.ReleaseIntakeAsync("msg-1", "plan-0", first.LeaseId, default);

        Assert.IsType<IntakeClaim.Started>(await Ledger.BeginIntakeAsync("msg-1", "plan-0", default));
    }

    [Fact]
    public async Task Plans_of_one_message_are_independent()
    {
        var first = (IntakeClaim.Started)await Ledger.BeginIntakeAsync("msg-1", "plan-0", default);
        await Ledger.MarkCreatedAsync("msg-1", "plan-0", first.LeaseId, MessageSamples.Created(), default);

        Assert.IsType<IntakeClaim.Started>(await Ledger.BeginIntakeAsync("msg-1", "plan-1", default));
    }

    // ── Alert state ──────────────────────────────────────────────────────────────────────────────

    [Fact]
    public async Task An_alert_never_resolved_is_not_resolved()
    {
        Assert.False(await Ledger.IsAlertResolvedAsync(AlertSource.Alertmanager, "fp-1", Time.GetUtcNow(), default));
    }

    [Fact]
    public async Task An_alert_resolved_after_the_test_was_created_is_resolved()
    {
        var createdAt = Time.GetUtcNow();
        await Ledger.RecordAlertResolvedAsync(AlertSource.Alertmanager, "fp-1", createdAt.AddMinutes(3), default);

        Assert.True(await Ledger.IsAlertResolvedAsync(AlertSource.Alertmanager, "fp-1", createdAt, default));
    }

    [Fact]
    public async Task A_resolution_before_the_test_belongs_to_an_earlier_firing()
    {
        var createdAt = Time.GetUtcNow();
        await Ledger.RecordAlertResolvedAsync(AlertSource.Alertmanager, "fp-1", createdAt.AddMinutes(-3), default);

        Assert.False(await Ledger.IsAlertResolvedAsync(AlertSource.Alertmanager, "fp-1", createdAt, default));
    }

    [Fact]
    public async Task The_latest_resolution_is_kept()
    {
        var at = Time.GetUtcNow();
        await Ledger.RecordAlertResolvedAsync(AlertSource.PagerDuty, "inc/1", at.AddMinutes(5), default);
        await Ledger.RecordAlertResolvedAsync(AlertSource.PagerDuty, "inc/1", at, default);

        Assert.Equal(at.AddMinutes(5), await Ledger.GetAlertResolvedAtAsync(AlertSource.PagerDuty, "inc/1", default));
    }

    [Fact]
    public async Task Alert_state_is_kept_per_source()
    {
        await Ledger.RecordAlertResolvedAsync(AlertSource.Grafana, "same-id", Time.GetUtcNow(), default);

        Assert.Null(await Ledger.GetAlertResolvedAtAsync(AlertSource.Alertmanager, "same-id", default));
    }

    // ── Follow-up bookkeeping ────────────────────────────────────────────────────────────────────

    [Fact]
    public async Task Recording_a_run_again_returns_false()
    {
        await Ledger.TryRecordRunAsync("test-1", 1, default);

        Assert.False(await Ledger.TryRecordRunAsync("test-1", 1, default));
    }

    [Fact]
    public async Task Concurrent_records_of_one_run_succeed_once()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Task.Run(() => Ledger.TryRecordRunAsync("test-1", 2, default))));

        Assert.Single(results, r => r);
    }

    [Fact]
    public async Task Runs_are_recorded_independently()
    {
        await Ledger.TryRecordRunAsync("test-1", 1, default);

        Assert.True(await Ledger.TryRecordRunAsync("test-1", 2, default));
    }

    [Fact]
    public async Task Concurrent_verdict_deliveries_to_one_destination_succeed_once()
    {
        const string destination = "https://hooks.slack.com/commands/T000/B000/xyz";
        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ =>
            Task.Run(() => Ledger.TryRecordVerdictDeliveredAsync("test-1", 0, destination, default))));

        Assert.Single(results, r => r);
    }

    [Fact]
    public async Task A_verdict_goes_to_each_destination_once()
    {
        await Ledger.TryRecordVerdictDeliveredAsync("test-1", 0, "slack:a", default);

        Assert.True(await Ledger.TryRecordVerdictDeliveredAsync("test-1", 0, "teams:b", default));
    }

    [Fact]
    public async Task A_forgotten_verdict_delivery_can_be_recorded_again()
    {
        await Ledger.TryRecordVerdictDeliveredAsync("test-1", 0, "slack:a", default);
        await Ledger.ForgetVerdictDeliveryAsync("test-1", 0, "slack:a", default);

        Assert.True(await Ledger.TryRecordVerdictDeliveredAsync("test-1", 0, "slack:a", default));
    }

    [Fact]
    public async Task Saved_results_read_back_by_test_in_run_order()
    {
        await Ledger.SaveResultsAsync(MessageSamples.Results(run: 1), default);
        await Ledger.SaveResultsAsync(MessageSamples.Results(run: 0), default);

        Assert.Equal([0, 1], (await Ledger.GetResultsAsync("281474976710656", default)).Select(r => r.Run));
    }

    [Fact]
    public async Task Saved_results_read_back_by_alert()
    {
        var results = MessageSamples.Results() with { TestId = "other-test" };
        await Ledger.SaveResultsAsync(results, default);

        var byAlert = await Ledger.GetResultsForAlertAsync(results.Trigger.Source, results.Trigger.AlertId, default);

        Assert.Equal(MessageEnvelope.Serialize(results).ToString(), MessageEnvelope.Serialize(Assert.Single(byAlert)).ToString());
    }

    [Fact]
    public async Task Saving_a_run_again_replaces_it()
    {
        await Ledger.SaveResultsAsync(MessageSamples.Results(), default);
        await Ledger.SaveResultsAsync(MessageSamples.Results() with { Verdict = TestVerdict.Healthy }, default);

        Assert.Equal([TestVerdict.Healthy], (await Ledger.GetResultsAsync("281474976710656", default)).Select(r => r.Verdict));
    }

    [Fact]
    public async Task Results_larger_than_one_table_property_round_trip()
    {
        var agents = Enumerable.Range(0, 400).Select(i => new AgentResult
        {
            AgentId = $"agent-{i}",
            AgentName = $"Agent number {i} somewhere far away",
            Verdict = TestVerdict.Healthy,
            Metrics = new Dictionary<string, double> { ["loss"] = 0, ["avgLatency"] = i, ["jitter"] = 0.25 },
        }).ToList();
        var results = MessageSamples.Results() with { Agents = agents };

        await Ledger.SaveResultsAsync(results, default);

        Assert.Equal(400, Assert.Single(await Ledger.GetResultsAsync(results.TestId, default)).Agents.Count);
    }
}
