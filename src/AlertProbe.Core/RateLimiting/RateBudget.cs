using AlertProbe.Core.Alerts;
using AlertProbe.Core.Diagnostics;
using AlertProbe.Core.Ledger.Storage;
using AlertProbe.ThousandEyes.Errors;
using AlertProbe.ThousandEyes.RateLimiting;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AlertProbe.Core.RateLimiting;

/// <summary>
/// The ThousandEyes instant-test budget shared by every instance: ONE stored row per scope (window reset instant,
/// calls used, the API's observed limit, a 429 block), changed only by ETag-conditional writes in a bounded
/// retry loop, so concurrent instances never hand out more than the window holds. The API is the authority:
/// its rate-limit headers can only lower what is left and push the reset later, and a 429 blocks the budget until the
/// instant it names. Both reach it as the <see cref="IRateLimitObserver"/> the ThousandEyes client's pipeline reports
/// to, never from the callers. Every decision records <see cref="AlertProbeTelemetry.RateBudgetRemaining"/> here,
/// so no acquire path can bypass the gauge.
/// </summary>
public sealed partial class RateBudget : IRateLimitObserver
{
    private const string RowKey = "instant-tests";

    // Each lost race means another writer took a call or observed headers; the window holds only so many.
    private const int MaxAttempts = 100;

    private static readonly TimeSpan ContentionBackoff = TimeSpan.FromSeconds(1);

    // Booked windows are planned this much apart beyond the window's length: the API reports its reset in whole seconds,
    // rounded up, so a window planned to start at the previous one's end could begin before the API's has rolled.
    private static readonly TimeSpan WindowMargin = TimeSpan.FromSeconds(1);

    private readonly ILedgerStore _store;
    private readonly RateBudgetOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<RateBudget> _logger;
    private readonly string _partition;

    // The row as this instance last read or wrote it: the first attempt of each call decides on it and writes If-Match
    // (no read-after-write); a lost race reads it again. Counts in a window only grow, so a stale row can only be
    // more generous than the stored one on the write, which its ETag then refuses.
    private volatile TableEntity? _cached;

    public RateBudget(ILedgerStore store, IOptions<RateBudgetOptions> options, TimeProvider timeProvider, ILogger<RateBudget> logger)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(logger);
        _store = store;
        _options = options.Value;
        _time = timeProvider;
        _logger = logger;
        _partition = LedgerKey.Encode(_options.Scope);
    }

    /// <summary>
    /// Takes one call from the window if this severity may: Error and Critical may use the whole window, lower
    /// severities all but the reserve. Slots booked for waiting copies (<see cref="TryAcquireOrBookAsync"/>) are not
    /// taken. Exhausted says when the window resets; nothing is booked.
    /// </summary>
    public Task<RateBudgetDecision> TryAcquireAsync(AlertSeverity severity, CancellationToken cancellationToken) =>
        AcquireAsync(severity, book: false, booking: null, cancellationToken);

    /// <summary>
    /// As <see cref="TryAcquireAsync"/>, but when the window is spent the caller is booked a slot in the earliest coming
    /// window that has room for its severity (Error and Critical: any slot; lower severities: all but the reserve), so its
    /// copy is scheduled once: <see cref="RateBudgetDecision.Exhausted.Booking"/> names the booked window, and the copy
    /// passes it back as <paramref name="booking"/> to take that slot. Booked slots are spread across their window in
    /// booking order (one every window/limit), so waiting copies never all come back at the reset instant.
    /// </summary>
    public Task<RateBudgetDecision> TryAcquireOrBookAsync(AlertSeverity severity, DateTimeOffset? booking, CancellationToken cancellationToken) =>
        AcquireAsync(severity, book: true, booking, cancellationToken);

    /// <summary>Every acquire path comes through here, so every decision is recorded on the gauge.</summary>
    private async Task<RateBudgetDecision> AcquireAsync(AlertSeverity severity, bool book, DateTimeOffset? booking, CancellationToken cancellationToken)
    {
        var decision = await DecideAsync(severity, book, booking, cancellationToken).ConfigureAwait(false);
        switch (decision)
        {
            case RateBudgetDecision.Acquired acquired:
                AlertProbeTelemetry.RecordBudgetRemaining(acquired.Remaining);
                break;
            case RateBudgetDecision.Exhausted { Reason: RateBudgetExhaustion.WindowUsed or RateBudgetExhaustion.RateLimitedByApi }:
                // Spent for everyone; "reserved for higher severity" still leaves calls for critical alerts.
                AlertProbeTelemetry.RecordBudgetRemaining(0);
                break;
        }

        return decision;
    }

    private async Task<RateBudgetDecision> DecideAsync(AlertSeverity severity, bool book, DateTimeOffset? booking, CancellationToken cancellationToken)
    {
        var high = IsHighSeverity(severity);
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var now = _time.GetUtcNow();
            var (row, state) = await ReadAsync(now, fromCache: attempt == 0, cancellationToken).ConfigureAwait(false);
            var limit = EffectiveLimit(state);
            var allowance = high ? limit : limit - (limit * _options.HighSeverityReservePercent / 100);
            var bookings = WindowBookings.Parse(state.Bookings).Current(now, _options.Window);
            var blocked = state.RateLimitedUntil > now;

            // A copy coming back with its booking takes its slot (its window has begun); any other caller leaves the
            // slots booked in the running window to the copies they are booked for.
            var taken = !blocked && booking is { } ticket && bookings.TryConsume(ticket, now, high, out var afterConsume) && state.Used < limit
                ? state with { Used = state.Used + 1, Bookings = afterConsume.Format() }
                : null;
            if (taken is null && !blocked && state.Used + bookings.DueBy(state.ResetAt) < allowance)
            {
                taken = state with { Used = state.Used + 1, Bookings = bookings.Format() };
            }

            if (taken is not null)
            {
                if (await WriteAsync(row, taken, cancellationToken).ConfigureAwait(false))
                {
                    return new RateBudgetDecision.Acquired(Math.Max(0, allowance - taken.Used), taken.ResetAt);
                }

                continue;
            }

            var reason = blocked ? RateBudgetExhaustion.RateLimitedByApi
                : state.Used >= limit || high ? RateBudgetExhaustion.WindowUsed
                : RateBudgetExhaustion.ReservedForHigherSeverity;
            var resetAt = blocked ? Max(state.ResetAt, state.RateLimitedUntil!.Value) : state.ResetAt;
            if (!book)
            {
                Log.Exhausted(_logger, severity, state.Used, limit, resetAt, reason);
                return new RateBudgetDecision.Exhausted(resetAt, reason);
            }

            var lowCapacity = limit - (limit * _options.HighSeverityReservePercent / 100);
            var (booked, slotAt, windowStart) = bookings.Book(resetAt, _options.Window, WindowMargin, limit, lowCapacity, high);
            if (await WriteAsync(row, state with { Bookings = booked.Format() }, cancellationToken).ConfigureAwait(false))
            {
                Log.Booked(_logger, severity, state.Used, limit, windowStart, slotAt, reason);
                return new RateBudgetDecision.Exhausted(slotAt, reason) { Booking = windowStart };
            }
        }

        Log.Contended(_logger, MaxAttempts);
        return new RateBudgetDecision.Exhausted(_time.GetUtcNow() + ContentionBackoff, RateBudgetExhaustion.Contention);
    }

    /// <summary>Instant-test headers of a create or rerun keep the window in step (other families and reads are not this budget's).</summary>
    Task IRateLimitObserver.ObserveHeadersAsync(RateLimitSnapshot headers, bool instantTestCall, CancellationToken cancellationToken) =>
        instantTestCall && headers?.InstantTest is { } window
            ? ObserveAsync(window.Limit, window.Remaining, window.Reset, cancellationToken)
            : Task.CompletedTask;

    /// <summary>A 429 on a create or rerun blocks the budget, whichever limit it names (a read's 429 does not).</summary>
    Task IRateLimitObserver.ObserveRateLimitedAsync(RateLimitedError limited, bool instantTestCall, CancellationToken cancellationToken) =>
        instantTestCall && limited is not null
            ? ObserveRateLimitedAsync(limited.Until, cancellationToken)
            : Task.CompletedTask;

    /// <summary>
    /// Brings the budget in step with the API's <c>X-Instant-Test-Rate-Limit-*</c> headers: the API's count of used
    /// calls (<paramref name="limit"/> − <paramref name="remaining"/>) raises ours, a later reset moves the window,
    /// and the limit caps ours from now on. A reset already past is a stale response and is ignored.
    /// </summary>
    private async Task ObserveAsync(int limit, int remaining, DateTimeOffset resetAt, CancellationToken cancellationToken)
    {
        if (limit <= 0 || remaining < 0)
        {
            Log.HeadersIgnored(_logger, limit, remaining);
            return;
        }

        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var now = _time.GetUtcNow();
            if (resetAt <= now)
            {
                return;
            }

            var (row, state) = await ReadAsync(now, fromCache: attempt == 0, cancellationToken).ConfigureAwait(false);
            var observed = state with
            {
                Used = Math.Max(state.Used, Math.Max(0, limit - remaining)),
                ResetAt = state.IsFresh ? resetAt : Max(state.ResetAt, resetAt),
                ObservedLimit = limit,
            };
            if (observed == state || await WriteAsync(row, observed, cancellationToken).ConfigureAwait(false))
            {
                return;
            }
        }

        Log.Contended(_logger, MaxAttempts);
    }

    /// <summary>After a 429: no call until <paramref name="until"/> (the API's reset, or <c>Retry-After</c>).</summary>
    private async Task ObserveRateLimitedAsync(DateTimeOffset until, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var now = _time.GetUtcNow();
            if (until <= now)
            {
                return;
            }

            var (row, state) = await ReadAsync(now, cancellationToken).ConfigureAwait(false);
            if (state.RateLimitedUntil >= until)
            {
                AlertProbeTelemetry.RecordBudgetRemaining(0);
                return;
            }

            // The 429 is the freshest word on the API's window: spent, and over at that instant.
            var blocked = state with
            {
                Used = Math.Max(state.Used, EffectiveLimit(state)),
                ResetAt = until,
                RateLimitedUntil = until,
            };
            if (await WriteAsync(row, blocked, cancellationToken).ConfigureAwait(false))
            {
                Log.RateLimited(_logger, until);
                AlertProbeTelemetry.RecordBudgetRemaining(0);
                return;
            }
        }

        Log.Contended(_logger, MaxAttempts);
    }

    private static bool IsHighSeverity(AlertSeverity severity) => severity <= AlertSeverity.Error;

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a >= b ? a : b;

    private int EffectiveLimit(WindowState state) => Math.Min(_options.Limit, state.ObservedLimit ?? int.MaxValue);

    /// <summary>The stored row (null if none yet) and the window as it stands at <paramref name="now"/>.</summary>
    private async Task<(TableEntity? Row, WindowState State)> ReadAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        await ReadAsync(now, fromCache: false, cancellationToken).ConfigureAwait(false);

    private async Task<(TableEntity? Row, WindowState State)> ReadAsync(DateTimeOffset now, bool fromCache, CancellationToken cancellationToken)
    {
        var row = (fromCache ? _cached : null) ?? await _store.GetAsync(LedgerTable.RateBudget, _partition, RowKey, cancellationToken).ConfigureAwait(false);
        _cached = row;
        var observedLimit = row?.GetInt32("ObservedLimit");
        var rateLimitedUntil = row?.GetDateTimeOffset("RateLimitedUntil");
        var resetAt = row?.GetDateTimeOffset("ResetAt");
        if (row is null || resetAt is null || now >= resetAt)
        {
            // No window running: the next one starts with this call (the API's window rolls a minute after the first request).
            return (row, new WindowState(0, now + _options.Window, observedLimit, rateLimitedUntil, IsFresh: true, row?.GetString("Bookings") ?? ""));
        }

        return (row, new WindowState(row.GetInt32("Used") ?? 0, resetAt.Value, observedLimit, rateLimitedUntil, IsFresh: false, row.GetString("Bookings") ?? ""));
    }

    private async Task<bool> WriteAsync(TableEntity? row, WindowState state, CancellationToken cancellationToken)
    {
        var entity = new TableEntity(_partition, RowKey)
        {
            ["Scope"] = _options.Scope,
            ["Used"] = state.Used,
            ["ResetAt"] = state.ResetAt,
        };
        if (state.ObservedLimit is { } observedLimit)
        {
            entity["ObservedLimit"] = observedLimit;
        }

        if (state.RateLimitedUntil is { } rateLimitedUntil)
        {
            entity["RateLimitedUntil"] = rateLimitedUntil;
        }

        if (state.Bookings.Length > 0)
        {
            entity["Bookings"] = state.Bookings;
        }

        return await WriteAsync(row, entity, cancellationToken).ConfigureAwait(false);
    }

    private async Task<bool> WriteAsync(TableEntity? row, TableEntity entity, CancellationToken cancellationToken)
    {
        bool written;
        if (row is null)
        {
            written = await _store.TryInsertAsync(LedgerTable.RateBudget, entity, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            entity.ETag = row.ETag;
            written = await _store.TryReplaceAsync(LedgerTable.RateBudget, entity, cancellationToken).ConfigureAwait(false);
        }

        // The store set the entity's new ETag: the next decision needs no read. A lost race drops what was cached.
        _cached = written ? entity : null;
        return written;
    }

    private sealed record WindowState(int Used, DateTimeOffset ResetAt, int? ObservedLimit, DateTimeOffset? RateLimitedUntil, bool IsFresh, string Bookings);

    private static partial class Log
    {
        [LoggerMessage(EventId = 3200, Level = LogLevel.Information,
            Message = "Instant-test budget exhausted for {Severity}: {Used}/{Limit} used until {ResetAt:o} ({Reason})")]
        public static partial void Exhausted(ILogger logger, AlertSeverity severity, int used, int limit, DateTimeOffset resetAt, RateBudgetExhaustion reason);

        [LoggerMessage(EventId = 3204, Level = LogLevel.Information,
            Message = "Instant-test budget spent for {Severity} ({Used}/{Limit}, {Reason}): booked a slot at {SlotAt:o} in the window starting {WindowStart:o}")]
        public static partial void Booked(ILogger logger, AlertSeverity severity, int used, int limit, DateTimeOffset windowStart, DateTimeOffset slotAt, RateBudgetExhaustion reason);

        [LoggerMessage(EventId = 3201, Level = LogLevel.Warning, Message = "ThousandEyes rate-limited instant tests until {Until:o}")]
        public static partial void RateLimited(ILogger logger, DateTimeOffset until);

        [LoggerMessage(EventId = 3202, Level = LogLevel.Warning, Message = "Instant-test budget lost {Attempts} races in a row; backing off")]
        public static partial void Contended(ILogger logger, int attempts);

        [LoggerMessage(EventId = 3203, Level = LogLevel.Warning, Message = "Ignored implausible rate-limit headers: limit {Limit}, remaining {Remaining}")]
        public static partial void HeadersIgnored(ILogger logger, int limit, int remaining);
    }
}
