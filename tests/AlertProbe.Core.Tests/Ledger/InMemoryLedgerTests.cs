using AlertProbe.Core.Ledger;

namespace AlertProbe.Core.Tests.Ledger;

public sealed class InMemoryLedgerTests : LedgerBehaviourTests
{
    protected override ILedger CreateLedger(TimeSpan intakeLease) => new InMemoryLedger(Time, intakeLease);
}
