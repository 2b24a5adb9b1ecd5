using AlertProbe.Core.Ledger.Storage;
using Azure;
using Azure.Data.Tables;

namespace AlertProbe.Benchmarks.Storm.Faults;

/// <summary>
/// The ledger's and the budget's store as it fails: 503 ServerBusy, conditional writes lost to a phantom writer
/// (412/409: nothing written, false returned), an outage (every call fails as a refused connection does after the
/// SDK's retries), and the crash right after a coalescing claim or a created test is written.
/// </summary>
internal sealed class FaultingLedgerStore(ILedgerStore inner, FaultInjector faults) : ILedgerStore
{
    public Task<TableEntity?> GetAsync(LedgerTable table, string partitionKey, string rowKey, CancellationToken cancellationToken)
    {
        Before();
        return inner.GetAsync(table, partitionKey, rowKey, cancellationToken);
    }

    public async Task<bool> TryInsertAsync(LedgerTable table, TableEntity entity, CancellationToken cancellationToken)
    {
        if (BeforeConditional())
        {
            return false;
        }

        var written = await inner.TryInsertAsync(table, entity, cancellationToken);
        After(table, entity, written);
        return written;
    }

    public async Task<bool> TryReplaceAsync(LedgerTable table, TableEntity entity, CancellationToken cancellationToken)
    {
        if (BeforeConditional())
        {
            return false;
        }

        var written = await inner.TryReplaceAsync(table, entity, cancellationToken);
        After(table, entity, written);
        return written;
    }

    public async Task UpsertAsync(LedgerTable table, TableEntity entity, CancellationToken cancellationToken)
    {
        Before();
        await inner.UpsertAsync(table, entity, cancellationToken);
        After(table, entity, written: true);
    }

    public Task<bool> TryDeleteAsync(LedgerTable table, TableEntity entity, CancellationToken cancellationToken) =>
        BeforeConditional() ? Task.FromResult(false) : inner.TryDeleteAsync(table, entity, cancellationToken);

    public async Task<bool> TrySubmitAsync(LedgerTable table, IReadOnlyList<LedgerWrite> writes, CancellationToken cancellationToken)
    {
        if (BeforeConditional())
        {
            return false;
        }

        var written = await inner.TrySubmitAsync(table, writes, cancellationToken);
        foreach (var write in writes)
        {
            After(table, write.Entity, written);
        }

        return written;
    }

    public Task<IReadOnlyList<TableEntity>> QueryPartitionAsync(LedgerTable table, string partitionKey, CancellationToken cancellationToken)
    {
        Before();
        return inner.QueryPartitionAsync(table, partitionKey, cancellationToken);
    }

    private void Before()
    {
        faults.ThrowIfCrashed();
        if (faults.InStoreOutage())
        {
            throw new RequestFailedException(0, "Connection refused (injected storage outage)", null, new HttpRequestException("Connection refused"));
        }

        if (faults.Roll(faults.Plan.StoreBusy, "store.503"))
        {
            throw new RequestFailedException(503, "The server is busy (injected).", "ServerBusy", null);
        }
    }

    /// <summary>True when the conditional write is to fail as a lost race.</summary>
    private bool BeforeConditional()
    {
        Before();
        return faults.Roll(faults.Plan.StoreConflicts, "store.412");
    }

    private void After(LedgerTable table, TableEntity entity, bool written)
    {
        if (!written)
        {
            return;
        }

        if (table == LedgerTable.Coalescing && entity.RowKey == "claim" && string.IsNullOrEmpty(entity.GetString("TestId")))
        {
            faults.MaybeCrash(faults.Plan.CrashAfterClaim, "after-claim");
        }
        else if (table == LedgerTable.Intake && entity.GetString("State") == "Created")
        {
            faults.MaybeCrash(faults.Plan.CrashAfterRecord, "after-record");
        }
    }
}
