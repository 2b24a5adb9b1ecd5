using AlertProbe.Core.Alerts;
using AlertProbe.Core.RateLimiting;

namespace AlertProbe.Core.Diagnostics;

/// <summary>
/// Records <see cref="AlertProbeTelemetry.RateBudgetRemaining"/> whenever the shared budget is asked or read
/// (registered over <see cref="RateBudget"/> by <see cref="TelemetryServiceCollectionExtensions.AddAlertProbeTelemetry"/>).
/// Overrides every public virtual member (a test holds that), so nothing reaches the mocking constructor's empty base.
/// </summary>
internal sealed class MeteredRateBudget(RateBudget inner) : RateBudget
{
    public override async Task<RateBudgetDecision> TryAcquireAsync(AlertSeverity severity, CancellationToken cancellationToken) =>
        Record(await inner.TryAcquireAsync(severity, cancellationToken).ConfigureAwait(false));

    public override async Task<RateBudgetDecision> TryAcquireOrBookAsync(AlertSeverity severity, DateTimeOffset? booking, CancellationToken cancellationToken) =>
        Record(await inner.TryAcquireOrBookAsync(severity, booking, cancellationToken).ConfigureAwait(false));

    private static RateBudgetDecision Record(RateBudgetDecision decision)
    {
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

    public override Task ObserveAsync(int limit, int remaining, DateTimeOffset resetAt, CancellationToken cancellationToken) =>
        inner.ObserveAsync(limit, remaining, resetAt, cancellationToken);

    public override async Task ObserveRateLimitedAsync(DateTimeOffset until, CancellationToken cancellationToken)
    {
        await inner.ObserveRateLimitedAsync(until, cancellationToken).ConfigureAwait(false);
        AlertProbeTelemetry.RecordBudgetRemaining(0);
    }

    public override async Task<RateBudgetSnapshot> GetSnapshotAsync(CancellationToken cancellationToken)
    {
        var snapshot = await inner.GetSnapshotAsync(cancellationToken).ConfigureAwait(false);
        AlertProbeTelemetry.RecordBudgetRemaining(snapshot.RateLimitedUntil is null ? snapshot.Limit - snapshot.Used : 0);
        return snapshot;
    }
}
