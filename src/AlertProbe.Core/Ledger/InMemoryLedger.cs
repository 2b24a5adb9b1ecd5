using AlertProbe.Core.Ledger.Storage;

namespace AlertProbe.Core.Ledger;

/// <summary>
/// The ledger in process memory, with the same semantics as <see cref="TableStorageLedger"/> (the same logic
/// runs over an in-memory store). For tests and the CLI's single-process run; state ends with the process.
/// </summary>
public sealed class InMemoryLedger(TimeProvider timeProvider, TimeSpan? intakeLease = null)
    : StoreLedger(new InMemoryLedgerStore(), timeProvider, intakeLease ?? TimeSpan.FromMinutes(2));
