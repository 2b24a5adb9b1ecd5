using AlertProbe.Core.Ledger;
using AlertProbe.Testing.Azurite;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AlertProbe.Core.Tests.Ledger;

[Collection(LedgerAzurite.Name)]
public sealed class TableStorageLedgerTests(AzuriteFixture azurite) : LedgerBehaviourTests
{
    protected override ILedger CreateLedger(TimeSpan intakeLease) =>
        new TableStorageLedger(
            new TableServiceClient(azurite.ConnectionString),
            Options.Create(new LedgerOptions { TableNamePrefix = LedgerAzurite.UniquePrefix(), IntakeLease = intakeLease }),
            Time,
            NullLogger<TableStorageLedger>.Instance);
}
