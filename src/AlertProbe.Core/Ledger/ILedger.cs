using AlertProbe.Core.Alerts;
using AlertProbe.Core.Messages;

namespace AlertProbe.Core.Ledger;

/// <summary>
/// The durable memory that makes AlertProbe safe to redeliver and to scale out: coalescing, idempotency,
/// alert state and follow-up guards. Every operation is atomic across instances (insert-if-absent and ETag
/// conditions), and every "someone else got there first" is an answer, not an exception.
/// Implementations: <see cref="TableStorageLedger"/> and <see cref="InMemoryLedger"/>.
/// </summary>
/// <remarks>
/// Intake order: <see cref="TryClaimCoalescingAsync(string, CoalescedAlert, string, TimeSpan, CancellationToken)"/>
/// first, with the intake identity (message id, plan key) as claimant, so a redelivery of the message that made a claim
/// gets its own claim back and an alert coalesced onto another's claim is done without more bookkeeping; only a
/// claimant then asks <see cref="BeginIntakeAsync"/> (a redelivery returns AlreadyCreated/AlreadyPublished), the rate
/// budget, creates, <see cref="MarkCreatedAsync"/>, <see cref="CompleteClaimAsync"/> (which hands back the alerts attached
/// while the claim was pending), publishes, <see cref="MarkPublishedAsync"/>.
/// </remarks>
public interface ILedger
{
    // ── Coalescing: one test per key per cooldown window ──────────────────────────────────────────

    /// <summary>
    /// Claims <paramref name="coalescingKey"/> for <paramref name="cooldown"/>, or records
    /// <paramref name="alertId"/> against the live claim. An expired claim is taken over. The same
    /// <paramref name="claimant"/> asking again within the window gets its claim back.
    /// </summary>
    Task<CoalescingClaim> TryClaimCoalescingAsync(string coalescingKey, string alertId, string claimant, TimeSpan cooldown, CancellationToken cancellationToken);

    /// <summary>
    /// As <see cref="TryClaimCoalescingAsync(string, string, string, TimeSpan, CancellationToken)"/>, recording what the
    /// claimant needs to carry <paramref name="alert"/> on its test (or to answer it if that test is refused) when the
    /// claim is still pending. A pending claim answers <see cref="CoalescingClaim.Coalesced"/> with no test id: the alert
    /// is attached to it and done.
    /// </summary>
    Task<CoalescingClaim> TryClaimCoalescingAsync(string coalescingKey, CoalescedAlert alert, string claimant, TimeSpan cooldown, CancellationToken cancellationToken);

    /// <summary>Records the created test on the claim; false if the claim is no longer <paramref name="claimId"/>'s.</summary>
    Task<bool> AttachTestAsync(string coalescingKey, string claimId, string testId, CancellationToken cancellationToken);

    /// <summary>
    /// Records the created test on the claim (its cooldown runs from now) and returns the alerts that were attached to it
    /// while it was pending, atomically: an alert attaching later sees the test id. Null if the claim is no longer
    /// <paramref name="claimId"/>'s. Idempotent for the same test id.
    /// </summary>
    Task<IReadOnlyList<CoalescedAlert>?> CompleteClaimAsync(string coalescingKey, string claimId, string testId, CancellationToken cancellationToken);

    /// <summary>Gives the key up (creation failed for good); false if the claim is no longer <paramref name="claimId"/>'s.</summary>
    Task<bool> ReleaseCoalescingAsync(string coalescingKey, string claimId, CancellationToken cancellationToken);

    /// <summary>
    /// Gives a pending key up (creation failed for good) and returns the alerts attached to it, which the caller must
    /// account for; null if the claim is no longer <paramref name="claimId"/>'s or already has a test.
    /// </summary>
    Task<IReadOnlyList<CoalescedAlert>?> ReleaseClaimAsync(string coalescingKey, string claimId, CancellationToken cancellationToken);

    /// <summary>
    /// Keeps a pending claim alive at least until <paramref name="until"/> (its claimant waits for the rate budget);
    /// false if the claim is no longer <paramref name="claimId"/>'s.
    /// </summary>
    Task<bool> HoldCoalescingAsync(string coalescingKey, string claimId, DateTimeOffset until, CancellationToken cancellationToken);

    // ── Idempotency per (message id, plan key): Claimed → Created → Published ─────────────────────

    /// <summary>Where this plan of this message stands; <see cref="IntakeClaim.Started"/> means "yours: create it".</summary>
    Task<IntakeClaim> BeginIntakeAsync(string messageId, string planKey, CancellationToken cancellationToken);

    /// <summary>
    /// Stores the created test and the message to publish, so a redelivery republishes instead of creating again.
    /// False when the lease is no longer <paramref name="leaseId"/>'s (another attempt took over or finished).
    /// </summary>
    Task<bool> MarkCreatedAsync(string messageId, string planKey, string leaseId, InstantTestCreated created, CancellationToken cancellationToken);

    /// <summary>Marks the plan published (idempotent); false if it was never created.</summary>
    Task<bool> MarkPublishedAsync(string messageId, string planKey, CancellationToken cancellationToken);

    /// <summary>Drops a claim whose attempt failed before creating (so a retry need not wait for the lease).</summary>
    Task<bool> ReleaseIntakeAsync(string messageId, string planKey, string leaseId, CancellationToken cancellationToken);

    // ── Alert state ──────────────────────────────────────────────────────────────────────────────

    /// <summary>Records that the alert resolved at <paramref name="resolvedAt"/> (the latest time wins).</summary>
    Task RecordAlertResolvedAsync(AlertSource source, string alertId, DateTimeOffset resolvedAt, CancellationToken cancellationToken);

    /// <summary>When the alert last resolved, or null.</summary>
    Task<DateTimeOffset?> GetAlertResolvedAtAsync(AlertSource source, string alertId, CancellationToken cancellationToken);

    /// <summary>
    /// Whether the alert resolved at or after <paramref name="since"/> (pass the test's creation time: an older
    /// resolution belongs to an earlier firing of the same alert).
    /// </summary>
    Task<bool> IsAlertResolvedAsync(AlertSource source, string alertId, DateTimeOffset since, CancellationToken cancellationToken);

    // ── Follow-up bookkeeping ────────────────────────────────────────────────────────────────────

    /// <summary>Records run <paramref name="run"/> of a test; false if it was already recorded (a redelivery).</summary>
    Task<bool> TryRecordRunAsync(string testId, int run, CancellationToken cancellationToken);

    /// <summary>
    /// Records that the verdict of a run goes to <paramref name="destination"/>; true only the first time. Call it
    /// before sending and <see cref="ForgetVerdictDeliveryAsync"/> if sending fails, so a reply is sent at most
    /// once and a failed send can be retried.
    /// </summary>
    Task<bool> TryRecordVerdictDeliveredAsync(string testId, int run, string destination, CancellationToken cancellationToken);

    /// <summary>Undoes <see cref="TryRecordVerdictDeliveredAsync"/> after a failed send.</summary>
    Task ForgetVerdictDeliveryAsync(string testId, int run, string destination, CancellationToken cancellationToken);

    /// <summary>Stores the results of a run (replacing an earlier save of the same run).</summary>
    Task SaveResultsAsync(InstantTestResults results, CancellationToken cancellationToken);

    /// <summary>Every saved run of a test, by run.</summary>
    Task<IReadOnlyList<InstantTestResults>> GetResultsAsync(string testId, CancellationToken cancellationToken);

    /// <summary>Every saved run of every test for an alert, by collection time.</summary>
    Task<IReadOnlyList<InstantTestResults>> GetResultsForAlertAsync(AlertSource source, string alertId, CancellationToken cancellationToken);
}
