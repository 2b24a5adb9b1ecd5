namespace AlertProbe.Core.Ledger.Storage;

/// <summary>The tables the ledger and the rate budget use; each is named <c>{prefix}{table}</c>.</summary>
public enum LedgerTable
{
    /// <summary>One claim row per coalescing key, plus a row per alert coalesced onto it.</summary>
    Coalescing,

    /// <summary>Idempotency: one row per (message id, plan key).</summary>
    Intake,

    /// <summary>Alert state (resolved at) per (source, alert id).</summary>
    Alerts,

    /// <summary>Follow-up guards: runs recorded and verdicts delivered, per test.</summary>
    FollowUp,

    /// <summary>Collected results, per test and run.</summary>
    Results,

    /// <summary>The same results, partitioned by alert.</summary>
    ResultsByAlert,

    /// <summary>The shared ThousandEyes instant-test rate budget.</summary>
    RateBudget,
}
