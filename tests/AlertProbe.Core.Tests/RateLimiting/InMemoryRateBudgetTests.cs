using AlertProbe.Core.Ledger.Storage;

namespace AlertProbe.Core.Tests.RateLimiting;

public sealed class InMemoryRateBudgetTests : RateBudgetBehaviourTests
{
    protected override ILedgerStore CreateStore() => new InMemoryLedgerStore();
}
