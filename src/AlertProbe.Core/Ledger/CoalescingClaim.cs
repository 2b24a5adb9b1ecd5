namespace AlertProbe.Core.Ledger;

/// <summary>The answer to "may I create a test for this coalescing key now?".</summary>
public abstract record CoalescingClaim
{
    private CoalescingClaim()
    {
    }

    /// <summary>
    /// You own the key until <paramref name="ExpiresAt"/>: create the test, then
    /// <see cref="ILedger.CompleteClaimAsync"/> (or <see cref="ILedger.ReleaseClaimAsync"/> if creation failed for good).
    /// </summary>
    public sealed record Claimed(string ClaimId, DateTimeOffset ExpiresAt) : CoalescingClaim;

    /// <summary>
    /// Another alert already owns the key in this window; this alert was recorded against that claim.
    /// <paramref name="TestId"/> is null while the owner has not created its test yet ("pending").
    /// </summary>
    public sealed record Coalesced(string? TestId, DateTimeOffset ClaimedAt, DateTimeOffset ExpiresAt) : CoalescingClaim
    {
        public bool IsPending => TestId is null;
    }
}
