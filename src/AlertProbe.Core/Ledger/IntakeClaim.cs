using AlertProbe.Core.Messages;

namespace AlertProbe.Core.Ledger;

/// <summary>Where a (message id, plan key) stands: the idempotency answer for one plan of one alert message.</summary>
public abstract record IntakeClaim
{
    private IntakeClaim()
    {
    }

    /// <summary>
    /// New (or a stale attempt's lease ran out): you hold the lease until <paramref name="LeaseExpiresAt"/>; create
    /// the test, then <see cref="ILedger.MarkCreatedAsync"/>.
    /// </summary>
    public sealed record Started(string LeaseId, DateTimeOffset LeaseExpiresAt) : IntakeClaim;

    /// <summary>Another attempt holds a live lease: retry after <paramref name="LeaseExpiresAt"/>.</summary>
    public sealed record InProgress(DateTimeOffset LeaseExpiresAt) : IntakeClaim;

    /// <summary>The test was created but maybe not published: publish <paramref name="Created"/> again, never create.</summary>
    public sealed record AlreadyCreated(InstantTestCreated Created) : IntakeClaim;

    /// <summary>Created and published: nothing left to do.</summary>
    public sealed record AlreadyPublished(string TestId) : IntakeClaim;
}
