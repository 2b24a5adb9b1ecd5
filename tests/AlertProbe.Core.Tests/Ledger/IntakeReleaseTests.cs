using AlertProbe.Core.Ledger;
using AlertProbe.Core.Tests.Messages;
using Microsoft.Extensions.Time.Testing;

namespace AlertProbe.Core.Tests.Ledger;

/// <summary>
/// Releasing an intake lease (after a creation that did not happen) gives up only the caller's own, still unfinished
/// lease: never another delivery's lease, and never a plan whose test was already created or published, or a
/// redelivery would create a duplicate test.
/// </summary>
public sealed class IntakeReleaseTests
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 14, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Releasing_with_a_lease_taken_over_by_another_delivery_leaves_that_deliverys_lease_in_place()
    {
        var ledger = new InMemoryLedger(_time, Lease);
        var stale = (IntakeClaim.Started)await ledger.BeginIntakeAsync("msg-a", "p0", default);
        _time.Advance(Lease + TimeSpan.FromSeconds(1));
        var current = (IntakeClaim.Started)await ledger.BeginIntakeAsync("msg-a", "p0", default);

        Assert.False(await ledger.ReleaseIntakeAsync("msg-a", "p0", stale.LeaseId, default));

        Assert.Equal(current.LeaseExpiresAt, Assert.IsType<IntakeClaim.InProgress>(await ledger.BeginIntakeAsync("msg-a", "p0", default)).LeaseExpiresAt);
    }

    [Fact]
    public async Task Releasing_after_the_test_was_recorded_keeps_the_record_so_a_redelivery_republishes_it()
    {
        var ledger = new InMemoryLedger(_time, Lease);
        var started = (IntakeClaim.Started)await ledger.BeginIntakeAsync("msg-a", "p0", default);
        var created = MessageSamples.Created();
        await ledger.MarkCreatedAsync("msg-a", "p0", started.LeaseId, created, default);

        Assert.False(await ledger.ReleaseIntakeAsync("msg-a", "p0", started.LeaseId, default));

        Assert.Equal(created.TestId, Assert.IsType<IntakeClaim.AlreadyCreated>(await ledger.BeginIntakeAsync("msg-a", "p0", default)).Created.TestId);
    }

    [Fact]
    public async Task Releasing_after_the_test_was_published_keeps_the_plan_done()
    {
        var ledger = new InMemoryLedger(_time, Lease);
        var started = (IntakeClaim.Started)await ledger.BeginIntakeAsync("msg-a", "p0", default);
        var created = MessageSamples.Created();
        await ledger.MarkCreatedAsync("msg-a", "p0", started.LeaseId, created, default);
        await ledger.MarkPublishedAsync("msg-a", "p0", default);

        Assert.False(await ledger.ReleaseIntakeAsync("msg-a", "p0", started.LeaseId, default));

        Assert.Equal(created.TestId, Assert.IsType<IntakeClaim.AlreadyPublished>(await ledger.BeginIntakeAsync("msg-a", "p0", default)).TestId);
    }

    [Fact]
    public async Task Releasing_an_intake_never_started_is_refused()
    {
        var ledger = new InMemoryLedger(_time, Lease);

        Assert.False(await ledger.ReleaseIntakeAsync("msg-a", "p0", "no-such-lease", default));
    }

    [Fact]
    public async Task Releasing_its_own_lease_lets_the_next_delivery_start_at_once()
    {
        var ledger = new InMemoryLedger(_time, Lease);
        var started = (IntakeClaim.Started)await ledger.BeginIntakeAsync("msg-a", "p0", default);

        Assert.True(await ledger.ReleaseIntakeAsync("msg-a", "p0", started.LeaseId, default));

        Assert.IsType<IntakeClaim.Started>(await ledger.BeginIntakeAsync("msg-a", "p0", default));
    }

    [Fact]
    public async Task A_former_lease_holder_cannot_record_a_creation_over_the_new_lease()
    {
        var ledger = new InMemoryLedger(_time, Lease);
        var stale = (IntakeClaim.Started)await ledger.BeginIntakeAsync("msg-a", "p0", default);
        _time.Advance(Lease);
        var current = (IntakeClaim.Started)await ledger.BeginIntakeAsync("msg-a", "p0", default);

        Assert.False(await ledger.MarkCreatedAsync("msg-a", "p0", stale.LeaseId, MessageSamples.Created(), default));
        Assert.True(await ledger.MarkCreatedAsync("msg-a", "p0", current.LeaseId, MessageSamples.Created(), default));
    }

    [Fact]
    public async Task The_lease_runs_exactly_its_configured_length()
    {
        var ledger = new InMemoryLedger(_time, Lease);
        var started = (IntakeClaim.Started)await ledger.BeginIntakeAsync("msg-a", "p0", default);

        Assert.Equal(_time.GetUtcNow() + Lease, started.LeaseExpiresAt);
        _time.Advance(Lease - TimeSpan.FromTicks(1));
        Assert.IsType<IntakeClaim.InProgress>(await ledger.BeginIntakeAsync("msg-a", "p0", default));
        _time.Advance(TimeSpan.FromTicks(1));
        Assert.IsType<IntakeClaim.Started>(await ledger.BeginIntakeAsync("msg-a", "p0", default));
    }
}
