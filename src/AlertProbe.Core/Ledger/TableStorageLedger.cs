using AlertProbe.Core.Ledger.Storage;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AlertProbe.Core.Ledger;

/// <summary>The ledger on Azure Table Storage: shared by every instance of every host.</summary>
public sealed class TableStorageLedger(TableServiceClient service, IOptions<LedgerOptions> options, TimeProvider timeProvider, ILogger<TableStorageLedger> logger)
    : StoreLedger(
        new TableLedgerStore(service, options.Value.TableNamePrefix, options.Value.CreateTables),
        timeProvider,
        options.Value.IntakeLease,
        logger);
