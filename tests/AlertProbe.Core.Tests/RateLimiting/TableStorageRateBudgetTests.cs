using AlertProbe.Core.Ledger.Storage;
using AlertProbe.Core.Tests.Ledger;
using AlertProbe.Testing.Azurite;
using Azure.Data.Tables;

namespace AlertProbe.Core.Tests.RateLimiting;

[Collection(LedgerAzurite.Name)]
public sealed class TableStorageRateBudgetTests(AzuriteFixture azurite) : RateBudgetBehaviourTests
{
    protected override ILedgerStore CreateStore() =>
        new TableLedgerStore(new TableServiceClient(azurite.ConnectionString), LedgerAzurite.UniquePrefix());
}
