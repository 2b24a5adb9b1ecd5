using System.Globalization;
using System.Text.Json;
using AlertProbe.Core.Alerts;
using AlertProbe.Core.Ledger.Storage;
using AlertProbe.Core.Messages;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AlertProbe.Core.Ledger;

/// <summary>
/// The ledger's logic, once, over an <see cref="ILedgerStore"/>: every state change is a conditional write
/// (insert-if-absent, or replace/delete If-Match the ETag just read) in a bounded read-decide-write loop.
/// </summary>
public partial class StoreLedger : ILedger
{
    /// <summary>
    /// Re-reads after a lost race. Each loss means another writer made progress on the same row, so a caller loses at most
    /// once per concurrent writer (plus once for a stale cached read): alerts coalescing onto one pending claim all bump
    /// its ETag, so the bound must exceed the handlers that can reach one key at once (16 lost a CI run with 20).
    /// </summary>
    private const int MaxAttempts = 64;

    private const string ClaimRow = "claim";
    private const string CoalescedRowPrefix = "coalesced:";

    private const string StateClaimed = "Claimed";
    private const string StateCreated = "Created";
    private const string StatePublished = "Published";

    private readonly ILedgerStore _store;
    private readonly RowCache _cache = new();
    private readonly TimeProvider _time;
    private readonly TimeSpan _intakeLease;
    private readonly ILogger _logger;

    public StoreLedger(ILedgerStore store, TimeProvider timeProvider, TimeSpan intakeLease, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(intakeLease, TimeSpan.Zero);
        _store = store;
        _time = timeProvider;
        _intakeLease = intakeLease;
        _logger = logger ?? NullLogger.Instance;
    }

    // ── Coalescing ───────────────────────────────────────────────────────────────────────────────

    public virtual Task<CoalescingClaim> TryClaimCoalescingAsync(
        string coalescingKey, string alertId, string claimant, TimeSpan cooldown, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(alertId);
        var alert = new CoalescedAlert
        {
            Source = AlertSource.Manual,
            AlertId = alertId,
            Severity = AlertSeverity.Unknown,
            OriginalMessageId = claimant,
            CoalescedAt = _time.GetUtcNow(),
        };
        return TryClaimCoalescingAsync(coalescingKey, alert, claimant, cooldown, cancellationToken);
    }

    public virtual async Task<CoalescingClaim> TryClaimCoalescingAsync(
        string coalescingKey, CoalescedAlert alert, string claimant, TimeSpan cooldown, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(coalescingKey);
        ArgumentNullException.ThrowIfNull(alert);
        ArgumentException.ThrowIfNullOrEmpty(alert.AlertId);
        ArgumentException.ThrowIfNullOrEmpty(claimant);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(cooldown, TimeSpan.Zero);
        var partition = LedgerKey.Encode(coalescingKey);
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var now = _time.GetUtcNow();
            // The claim as this instance last saw it, if it did: what is decided on it without a write (a test id, our
            // own claim) cannot have gone back before its expiry, and every write on it is If-Match.
            var current = (attempt == 0 ? _cache.Get(LedgerTable.Coalescing, partition, ClaimRow) : null)
                ?? await _store.GetAsync(LedgerTable.Coalescing, partition, ClaimRow, cancellationToken).ConfigureAwait(false);
            var claim = NewClaim(partition, coalescingKey, alert.AlertId, claimant, now, cooldown);
            if (current is null)
            {
                if (await _store.TryInsertAsync(LedgerTable.Coalescing, claim, cancellationToken).ConfigureAwait(false))
                {
                    _cache.Put(LedgerTable.Coalescing, claim);
                    return Claimed(claim);
                }

                continue;
            }

            var expiresAt = current.GetDateTimeOffset("ExpiresAt")!.Value;
            var testId = NullIfEmpty(current.GetString("TestId"));

            // A test's window is judged by when the alert arrived: one that arrived inside it and is handled late (it waited
            // out a storage outage) still belongs to that test. A pending claim's expiry is judged now: its claimant may be gone.
            var asOf = testId is not null && alert.ReceivedAt is { } received && received < now ? received : now;
            if (asOf >= expiresAt)
            {
                if (testId is null)
                {
                    // Its test was never created (the claimant gave up or vanished): the alerts coalesced onto it ride on
                    // whatever this claim creates, so none is dropped with the old claim.
                    claim["Inherits"] = string.Join(',', ClaimIds(current));
                }

                claim.ETag = current.ETag;
                if (await _store.TryReplaceAsync(LedgerTable.Coalescing, claim, cancellationToken).ConfigureAwait(false))
                {
                    _cache.Put(LedgerTable.Coalescing, claim);
                    Log.ExpiredClaimTakenOver(_logger, coalescingKey, testId, alert.AlertId);
                    return Claimed(claim);
                }

                _cache.Forget(LedgerTable.Coalescing, partition, ClaimRow);
                continue;
            }

            if (current.GetString("Claimant") == claimant)
            {
                return Claimed(current);
            }

            var claimId = current.GetString("ClaimId")!;
            var coalesced = CoalescedRow(partition, claimId, alert, now);
            if (testId is null)
            {
                coalesced["Riding"] = true;
                // Pending: the row and a change of the claim's ETag in one transaction, so the claimant, which sets the test
                // id If-Match, either sees this alert when it completes the claim or makes this attempt fail and look again.
                current["Attached"] = (current.GetInt32("Attached") ?? 0) + 1;
                if (!await _store.TrySubmitAsync(
                        LedgerTable.Coalescing,
                        [new LedgerWrite(LedgerWriteKind.Upsert, coalesced), new LedgerWrite(LedgerWriteKind.Replace, current)],
                        cancellationToken).ConfigureAwait(false))
                {
                    _cache.Forget(LedgerTable.Coalescing, partition, ClaimRow);
                    continue;
                }

                _cache.Put(LedgerTable.Coalescing, current);
            }
            else
            {
                await _store.UpsertAsync(LedgerTable.Coalescing, coalesced, cancellationToken).ConfigureAwait(false);
            }

            Log.Coalesced(_logger, alert.AlertId, coalescingKey, testId ?? "pending");
            return new CoalescingClaim.Coalesced(testId, current.GetDateTimeOffset("ClaimedAt")!.Value, expiresAt);
        }

        throw LostTooManyRaces("coalescing claim");
    }

    public virtual async Task<bool> AttachTestAsync(string coalescingKey, string claimId, string testId, CancellationToken cancellationToken) =>
        await CompleteClaimAsync(coalescingKey, claimId, testId, cancellationToken).ConfigureAwait(false) is not null;

    public virtual async Task<IReadOnlyList<CoalescedAlert>?> CompleteClaimAsync(string coalescingKey, string claimId, string testId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(coalescingKey);
        ArgumentException.ThrowIfNullOrEmpty(claimId);
        ArgumentException.ThrowIfNullOrEmpty(testId);
        var partition = LedgerKey.Encode(coalescingKey);
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            // One query reads the claim and the alerts coalesced onto it.
            var rows = await _store.QueryPartitionAsync(LedgerTable.Coalescing, partition, cancellationToken).ConfigureAwait(false);
            var claim = rows.FirstOrDefault(r => r.RowKey == ClaimRow);
            if (claim is null || claim.GetString("ClaimId") != claimId)
            {
                return null;
            }

            var pending = PendingAlerts(rows, claim);
            var current = NullIfEmpty(claim.GetString("TestId"));
            if (current is not null)
            {
                return current == testId ? pending : null;
            }

            // The cooldown runs from the test's creation: a claim that waited for the budget still covers a full window.
            var now = _time.GetUtcNow();
            var cooldown = CooldownOf(claim);
            claim["TestId"] = testId;
            claim["CreatedAt"] = now;
            claim["ExpiresAt"] = Max(claim.GetDateTimeOffset("ExpiresAt")!.Value, now + cooldown);
            if (await _store.TryReplaceAsync(LedgerTable.Coalescing, claim, cancellationToken).ConfigureAwait(false))
            {
                _cache.Put(LedgerTable.Coalescing, claim);
                return pending;
            }
        }

        throw LostTooManyRaces("coalescing claim update");
    }

    public virtual async Task<bool> ReleaseCoalescingAsync(string coalescingKey, string claimId, CancellationToken cancellationToken) =>
        await ReleaseClaimAsync(coalescingKey, claimId, cancellationToken).ConfigureAwait(false) is not null;

    public virtual async Task<IReadOnlyList<CoalescedAlert>?> ReleaseClaimAsync(string coalescingKey, string claimId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(coalescingKey);
        ArgumentException.ThrowIfNullOrEmpty(claimId);
        var partition = LedgerKey.Encode(coalescingKey);
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var rows = await _store.QueryPartitionAsync(LedgerTable.Coalescing, partition, cancellationToken).ConfigureAwait(false);
            var claim = rows.FirstOrDefault(r => r.RowKey == ClaimRow);
            if (claim is null || claim.GetString("ClaimId") != claimId || NullIfEmpty(claim.GetString("TestId")) is not null)
            {
                return null;
            }

            // If-Match: an alert coalescing meanwhile changes the ETag, and the next attempt sees it too.
            if (await _store.TryDeleteAsync(LedgerTable.Coalescing, claim, cancellationToken).ConfigureAwait(false))
            {
                _cache.Forget(LedgerTable.Coalescing, partition, ClaimRow);
                return PendingAlerts(rows, claim);
            }
        }

        throw LostTooManyRaces("coalescing claim release");
    }

    public virtual async Task<bool> HoldCoalescingAsync(string coalescingKey, string claimId, DateTimeOffset until, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(coalescingKey);
        ArgumentException.ThrowIfNullOrEmpty(claimId);
        var partition = LedgerKey.Encode(coalescingKey);
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var claim = (attempt == 0 ? _cache.Get(LedgerTable.Coalescing, partition, ClaimRow) : null)
                ?? await _store.GetAsync(LedgerTable.Coalescing, partition, ClaimRow, cancellationToken).ConfigureAwait(false);
            if (claim is null || claim.GetString("ClaimId") != claimId)
            {
                if (attempt == 0)
                {
                    _cache.Forget(LedgerTable.Coalescing, partition, ClaimRow);
                    continue;
                }

                return false;
            }

            if (claim.GetDateTimeOffset("ExpiresAt") >= until)
            {
                return true;
            }

            claim["ExpiresAt"] = until;
            if (await _store.TryReplaceAsync(LedgerTable.Coalescing, claim, cancellationToken).ConfigureAwait(false))
            {
                _cache.Put(LedgerTable.Coalescing, claim);
                return true;
            }

            _cache.Forget(LedgerTable.Coalescing, partition, ClaimRow);
        }

        throw LostTooManyRaces("coalescing claim hold");
    }

    /// <summary>The claim's own id and those of the expired, never-created claims it took over.</summary>
    private static IEnumerable<string> ClaimIds(TableEntity claim)
    {
        yield return claim.GetString("ClaimId")!;
        foreach (var inherited in (claim.GetString("Inherits") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            yield return inherited;
        }
    }

    private static List<CoalescedAlert> PendingAlerts(IReadOnlyList<TableEntity> rows, TableEntity claim)
    {
        var prefixes = ClaimIds(claim).Select(id => CoalescedRowPrefix + id + ":").ToList();
        return rows
            .Where(r => r.GetBoolean("Riding") == true && prefixes.Any(p => r.RowKey.StartsWith(p, StringComparison.Ordinal)))
            .Select(ReadCoalesced)
            .OrderBy(a => a.CoalescedAt)
            .ThenBy(a => a.AlertId, StringComparer.Ordinal)
            .ToList();
    }

    private static TableEntity CoalescedRow(string partition, string claimId, CoalescedAlert alert, DateTimeOffset now)
    {
        var row = new TableEntity(partition, CoalescedRowPrefix + claimId + ":" + LedgerKey.Encode(alert.AlertId))
        {
            ["AlertId"] = alert.AlertId,
            ["At"] = now,
            ["Source"] = alert.Source.ToString(),
            ["Severity"] = alert.Severity.ToString(),
            ["MessageId"] = alert.OriginalMessageId,
        };
        if (alert.ReceivedAt is { } receivedAt)
        {
            row["ReceivedAt"] = receivedAt;
        }

        if (alert.CorrelationId is { } correlationId)
        {
            row["CorrelationId"] = correlationId;
        }

        if (alert.ReplyTo is { } reply)
        {
            // Kept to answer the alert's request (as the Created payload keeps it for the claimant); never logged.
            row["ReplyKind"] = reply.Kind.ToString();
            row["ReplyUrl"] = reply.Url.AbsoluteUri;
        }

        if (alert.WriteBack.Count > 0)
        {
            // Ids of the alert's own records (no credential): the follow-up writes the verdict back to them too.
            row["WriteBack"] = JsonSerializer.Serialize(alert.WriteBack, MessagesJsonContext.Default.IReadOnlyListWriteBackTarget);
        }

        return row;
    }

    private static CoalescedAlert ReadCoalesced(TableEntity row) => new()
    {
        Source = Enum.TryParse<AlertSource>(row.GetString("Source"), out var source) ? source : AlertSource.Manual,
        AlertId = row.GetString("AlertId")!,
        Severity = Enum.TryParse<AlertSeverity>(row.GetString("Severity"), out var severity) ? severity : AlertSeverity.Unknown,
        OriginalMessageId = row.GetString("MessageId") ?? "",
        CorrelationId = row.GetString("CorrelationId"),
        CoalescedAt = row.GetDateTimeOffset("At")!.Value,
        ReceivedAt = row.GetDateTimeOffset("ReceivedAt"),
        ReplyTo = Enum.TryParse<ReplyKind>(row.GetString("ReplyKind"), out var kind) && Uri.TryCreate(row.GetString("ReplyUrl"), UriKind.Absolute, out var url)
            ? new ReplyAddress { Kind = kind, Url = url }
            : null,
        WriteBack = row.GetString("WriteBack") is { Length: > 0 } writeBack
            ? JsonSerializer.Deserialize(writeBack, MessagesJsonContext.Default.IReadOnlyListWriteBackTarget) ?? []
            : [],
    };

    private static TimeSpan CooldownOf(TableEntity claim) =>
        claim.GetInt64("CooldownTicks") is { } ticks
            ? TimeSpan.FromTicks(ticks)
            : claim.GetDateTimeOffset("ExpiresAt")!.Value - claim.GetDateTimeOffset("ClaimedAt")!.Value;

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a >= b ? a : b;

    private static TableEntity NewClaim(string partition, string key, string alertId, string claimant, DateTimeOffset now, TimeSpan cooldown) =>
        new(partition, ClaimRow)
        {
            ["Key"] = key,
            ["ClaimId"] = Guid.NewGuid().ToString("N"),
            ["Claimant"] = claimant,
            ["AlertId"] = alertId,
            ["ClaimedAt"] = now,
            ["ExpiresAt"] = now + cooldown,
            ["CooldownTicks"] = cooldown.Ticks,
            ["TestId"] = "",
        };

    private static CoalescingClaim.Claimed Claimed(TableEntity claim) =>
        new(claim.GetString("ClaimId")!, claim.GetDateTimeOffset("ExpiresAt")!.Value);

    // ── Idempotency ──────────────────────────────────────────────────────────────────────────────

    public virtual async Task<IntakeClaim> BeginIntakeAsync(string messageId, string planKey, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(messageId);
        ArgumentException.ThrowIfNullOrEmpty(planKey);
        var (partition, row) = IntakeKeys(messageId, planKey);
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var now = _time.GetUtcNow();
            var lease = new TableEntity(partition, row)
            {
                ["MessageId"] = messageId,
                ["PlanKey"] = planKey,
                ["State"] = StateClaimed,
                ["LeaseId"] = Guid.NewGuid().ToString("N"),
                ["LeaseExpiresAt"] = now + _intakeLease,
            };

            // Insert first: a plan is new far more often than redelivered, and the insert's 409 is the read's answer.
            if (await _store.TryInsertAsync(LedgerTable.Intake, lease, cancellationToken).ConfigureAwait(false))
            {
                _cache.Put(LedgerTable.Intake, lease);
                return Started(lease);
            }

            var current = await _store.GetAsync(LedgerTable.Intake, partition, row, cancellationToken).ConfigureAwait(false);
            if (current is null)
            {
                continue;
            }

            switch (current.GetString("State"))
            {
                case StateCreated:
                    return new IntakeClaim.AlreadyCreated(ReadCreated(current));
                case StatePublished:
                    return new IntakeClaim.AlreadyPublished(current.GetString("TestId")!);
            }

            var leaseExpiresAt = current.GetDateTimeOffset("LeaseExpiresAt")!.Value;
            if (now < leaseExpiresAt)
            {
                return new IntakeClaim.InProgress(leaseExpiresAt);
            }

            lease.ETag = current.ETag;
            if (await _store.TryReplaceAsync(LedgerTable.Intake, lease, cancellationToken).ConfigureAwait(false))
            {
                _cache.Put(LedgerTable.Intake, lease);
                Log.StaleIntakeReclaimed(_logger, messageId, planKey, leaseExpiresAt);
                return Started(lease);
            }
        }

        throw LostTooManyRaces("intake claim");
    }

    public virtual async Task<bool> MarkCreatedAsync(string messageId, string planKey, string leaseId, InstantTestCreated created, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(leaseId);
        ArgumentNullException.ThrowIfNull(created);
        var payload = JsonSerializer.Serialize(created, MessagesJsonContext.Default.InstantTestCreated);
        return await UpdateIntakeAsync(messageId, planKey, current =>
        {
            if (current.GetString("State") != StateClaimed || current.GetString("LeaseId") != leaseId)
            {
                return IntakeChange.Refuse;
            }

            current["State"] = StateCreated;
            current["TestId"] = created.TestId;
            current["CreatedAt"] = _time.GetUtcNow();
            PayloadColumns.Write(current, payload);
            return IntakeChange.Write;
        }, cancellationToken).ConfigureAwait(false);
    }

    public virtual Task<bool> MarkPublishedAsync(string messageId, string planKey, CancellationToken cancellationToken) =>
        UpdateIntakeAsync(messageId, planKey, current =>
        {
            switch (current.GetString("State"))
            {
                case StatePublished:
                    return IntakeChange.AlreadyDone;
                case StateCreated:
                    current["State"] = StatePublished;
                    current["PublishedAt"] = _time.GetUtcNow();

                    // The payload was only kept to republish; the test id stays.
                    PayloadColumns.Remove(current);
                    return IntakeChange.Write;
                default:
                    return IntakeChange.Refuse;
            }
        }, cancellationToken);

    public virtual Task<bool> ReleaseIntakeAsync(string messageId, string planKey, string leaseId, CancellationToken cancellationToken) =>
        UpdateIntakeAsync(messageId, planKey, current =>
            current.GetString("State") == StateClaimed && current.GetString("LeaseId") == leaseId ? IntakeChange.Delete : IntakeChange.Refuse,
            cancellationToken);

    private enum IntakeChange
    {
        Write,
        Delete,
        Refuse,
        AlreadyDone,
    }

    private async Task<bool> UpdateIntakeAsync(string messageId, string planKey, Func<TableEntity, IntakeChange> decide, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(messageId);
        ArgumentException.ThrowIfNullOrEmpty(planKey);
        var (partition, row) = IntakeKeys(messageId, planKey);
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            // The row as this instance last wrote it (the lease it took, the test it recorded): no read before the write.
            var cached = attempt == 0 ? _cache.Get(LedgerTable.Intake, partition, row) : null;
            var current = cached ?? await _store.GetAsync(LedgerTable.Intake, partition, row, cancellationToken).ConfigureAwait(false);
            if (current is null)
            {
                return false;
            }

            var change = decide(current);
            if (cached is not null && change is IntakeChange.Refuse or IntakeChange.AlreadyDone)
            {
                // Decided without writing: only on the row as stored now.
                _cache.Forget(LedgerTable.Intake, partition, row);
                continue;
            }

            var written = change switch
            {
                IntakeChange.Refuse => (bool?)false,
                IntakeChange.AlreadyDone => true,
                IntakeChange.Delete => await _store.TryDeleteAsync(LedgerTable.Intake, current, cancellationToken).ConfigureAwait(false) ? true : null,
                _ => await _store.TryReplaceAsync(LedgerTable.Intake, current, cancellationToken).ConfigureAwait(false) ? true : null,
            };
            if (written is true && change == IntakeChange.Write && current.GetString("State") != StatePublished)
            {
                _cache.Put(LedgerTable.Intake, current);
            }
            else
            {
                // Published or deleted rows are not written again; a lost race must be read again.
                _cache.Forget(LedgerTable.Intake, partition, row);
            }

            if (written is { } answer)
            {
                return answer;
            }
        }

        throw LostTooManyRaces("intake update");
    }

    private static (string Partition, string Row) IntakeKeys(string messageId, string planKey) =>
        (LedgerKey.Encode(messageId), LedgerKey.Encode(planKey));

    private static IntakeClaim.Started Started(TableEntity lease) =>
        new(lease.GetString("LeaseId")!, lease.GetDateTimeOffset("LeaseExpiresAt")!.Value);

    private static InstantTestCreated ReadCreated(TableEntity entity)
    {
        var payload = PayloadColumns.Read(entity)
            ?? throw new InvalidOperationException($"Intake row {entity.PartitionKey}/{entity.RowKey} is Created but holds no payload.");
        return JsonSerializer.Deserialize(payload, MessagesJsonContext.Default.InstantTestCreated)
            ?? throw new InvalidOperationException($"Intake row {entity.PartitionKey}/{entity.RowKey} holds a null payload.");
    }

    // ── Alert state ──────────────────────────────────────────────────────────────────────────────

    public virtual async Task RecordAlertResolvedAsync(AlertSource source, string alertId, DateTimeOffset resolvedAt, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(alertId);
        var (partition, row) = AlertKeys(source, alertId);
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var current = await _store.GetAsync(LedgerTable.Alerts, partition, row, cancellationToken).ConfigureAwait(false);
            if (current is null)
            {
                var entity = new TableEntity(partition, row) { ["AlertId"] = alertId, ["ResolvedAt"] = resolvedAt };
                if (await _store.TryInsertAsync(LedgerTable.Alerts, entity, cancellationToken).ConfigureAwait(false))
                {
                    return;
                }

                continue;
            }

            if (current.GetDateTimeOffset("ResolvedAt") >= resolvedAt)
            {
                return;
            }

            current["ResolvedAt"] = resolvedAt;
            if (await _store.TryReplaceAsync(LedgerTable.Alerts, current, cancellationToken).ConfigureAwait(false))
            {
                return;
            }
        }

        throw LostTooManyRaces("alert state");
    }

    public virtual async Task<DateTimeOffset?> GetAlertResolvedAtAsync(AlertSource source, string alertId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(alertId);
        var (partition, row) = AlertKeys(source, alertId);
        var current = await _store.GetAsync(LedgerTable.Alerts, partition, row, cancellationToken).ConfigureAwait(false);
        return current?.GetDateTimeOffset("ResolvedAt");
    }

    public virtual async Task<bool> IsAlertResolvedAsync(AlertSource source, string alertId, DateTimeOffset since, CancellationToken cancellationToken) =>
        await GetAlertResolvedAtAsync(source, alertId, cancellationToken).ConfigureAwait(false) >= since;

    private static (string Partition, string Row) AlertKeys(AlertSource source, string alertId) =>
        (MessageEnvelope.Name(source), LedgerKey.Encode(alertId));

    // ── Follow-up bookkeeping ────────────────────────────────────────────────────────────────────

    public virtual Task<bool> TryRecordRunAsync(string testId, int run, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(testId);
        ArgumentOutOfRangeException.ThrowIfNegative(run);
        var entity = new TableEntity(LedgerKey.Encode(testId), RunRow(run))
        {
            ["TestId"] = testId,
            ["Run"] = run,
            ["RecordedAt"] = _time.GetUtcNow(),
        };
        return _store.TryInsertAsync(LedgerTable.FollowUp, entity, cancellationToken);
    }

    public virtual Task<bool> TryRecordVerdictDeliveredAsync(string testId, int run, string destination, CancellationToken cancellationToken)
    {
        var entity = VerdictRow(testId, run, destination);
        entity["TestId"] = testId;
        entity["Run"] = run;
        entity["DeliveredAt"] = _time.GetUtcNow();

        // Destinations are reply URLs (capabilities): only their digest is stored.
        return _store.TryInsertAsync(LedgerTable.FollowUp, entity, cancellationToken);
    }

    public virtual async Task ForgetVerdictDeliveryAsync(string testId, int run, string destination, CancellationToken cancellationToken)
    {
        var entity = VerdictRow(testId, run, destination);
        entity.ETag = ETag.All;
        await _store.TryDeleteAsync(LedgerTable.FollowUp, entity, cancellationToken).ConfigureAwait(false);
    }

    public virtual async Task SaveResultsAsync(InstantTestResults results, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(results);
        var payload = JsonSerializer.Serialize(results, MessagesJsonContext.Default.InstantTestResults);
        var byTest = new TableEntity(LedgerKey.Encode(results.TestId), RunRow(results.Run))
        {
            ["TestId"] = results.TestId,
            ["Run"] = results.Run,
            ["CollectedAt"] = results.CollectedAt,
        };
        PayloadColumns.Write(byTest, payload);
        await _store.UpsertAsync(LedgerTable.Results, byTest, cancellationToken).ConfigureAwait(false);

        var byAlert = new TableEntity(
            AlertResultsPartition(results.Trigger.Source, results.Trigger.AlertId),
            LedgerKey.Encode(results.TestId) + ":" + RunRow(results.Run))
        {
            ["TestId"] = results.TestId,
            ["Run"] = results.Run,
            ["CollectedAt"] = results.CollectedAt,
        };
        PayloadColumns.Write(byAlert, payload);
        await _store.UpsertAsync(LedgerTable.ResultsByAlert, byAlert, cancellationToken).ConfigureAwait(false);
    }

    public virtual async Task<IReadOnlyList<InstantTestResults>> GetResultsAsync(string testId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(testId);
        var rows = await _store.QueryPartitionAsync(LedgerTable.Results, LedgerKey.Encode(testId), cancellationToken).ConfigureAwait(false);
        return rows.Select(ReadResults).OrderBy(r => r.Run).ToList();
    }

    public virtual async Task<IReadOnlyList<InstantTestResults>> GetResultsForAlertAsync(AlertSource source, string alertId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(alertId);
        var rows = await _store.QueryPartitionAsync(LedgerTable.ResultsByAlert, AlertResultsPartition(source, alertId), cancellationToken).ConfigureAwait(false);
        return rows.Select(ReadResults).OrderBy(r => r.CollectedAt).ThenBy(r => r.TestId, StringComparer.Ordinal).ThenBy(r => r.Run).ToList();
    }

    private static string RunRow(int run) => "run:" + run.ToString("D6", CultureInfo.InvariantCulture);

    private static TableEntity VerdictRow(string testId, int run, string destination)
    {
        ArgumentException.ThrowIfNullOrEmpty(testId);
        ArgumentOutOfRangeException.ThrowIfNegative(run);
        ArgumentException.ThrowIfNullOrEmpty(destination);
        return new TableEntity(LedgerKey.Encode(testId), "verdict:" + run.ToString("D6", CultureInfo.InvariantCulture) + ":" + LedgerKey.Encode("destination|" + destination));
    }

    private static string AlertResultsPartition(AlertSource source, string alertId) =>
        LedgerKey.Encode(MessageEnvelope.Name(source) + ":" + alertId);

    private static InstantTestResults ReadResults(TableEntity entity)
    {
        var payload = PayloadColumns.Read(entity)
            ?? throw new InvalidOperationException($"Results row {entity.PartitionKey}/{entity.RowKey} holds no payload.");
        return JsonSerializer.Deserialize(payload, MessagesJsonContext.Default.InstantTestResults)
            ?? throw new InvalidOperationException($"Results row {entity.PartitionKey}/{entity.RowKey} holds a null payload.");
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static InvalidOperationException LostTooManyRaces(string what) =>
        new($"The ledger lost {MaxAttempts} races in a row on a {what}; storage is under unexpected contention.");

    private static partial class Log
    {
        [LoggerMessage(EventId = 3100, Level = LogLevel.Information, Message = "Alert {AlertId} coalesced onto {CoalescingKey} (test {TestId})")]
        public static partial void Coalesced(ILogger logger, string alertId, string coalescingKey, string testId);

        [LoggerMessage(EventId = 3101, Level = LogLevel.Information, Message = "Expired coalescing claim on {CoalescingKey} (test {PreviousTestId}) taken over for alert {AlertId}")]
        public static partial void ExpiredClaimTakenOver(ILogger logger, string coalescingKey, string? previousTestId, string alertId);

        [LoggerMessage(EventId = 3102, Level = LogLevel.Warning,
            Message = "Intake of message {MessageId} plan {PlanKey} re-claimed after its lease ran out at {LeaseExpiresAt:o}: an earlier attempt stopped before recording a test (if it had created one, it is a duplicate)")]
        public static partial void StaleIntakeReclaimed(ILogger logger, string messageId, string planKey, DateTimeOffset leaseExpiresAt);
    }
}
