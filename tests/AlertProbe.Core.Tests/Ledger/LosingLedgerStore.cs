using AlertProbe.Core.Ledger.Storage;
using Azure.Data.Tables;

namespace AlertProbe.Core.Tests.Ledger;

/// <summary>A store whose conditional writes lose the next <see cref="RacesToLose"/> races (answer false, change nothing).</summary>
internal sealed class LosingLedgerStore(ILedgerStore inner) : ILedgerStore
{
    public int RacesToLose { get; set; }

    public int RacesLost { get; private set; }

    public Task<TableEntity?> GetAsync(LedgerTable table, string partitionKey, string rowKey, CancellationToken cancellationToken) =>
        inner.GetAsync(table, partitionKey, rowKey, cancellationToken);

    public Task<bool> TryInsertAsync(LedgerTable table, TableEntity entity, CancellationToken cancellationToken) =>
        Lose() ? Task.FromResult(false) : inner.TryInsertAsync(table, entity, cancellationToken);

    public Task<bool> TryReplaceAsync(LedgerTable table, TableEntity entity, CancellationToken cancellationToken) =>
        Lose() ? Task.FromResult(false) : inner.TryReplaceAsync(table, entity, cancellationToken);

    public Task UpsertAsync(LedgerTable table, TableEntity entity, CancellationToken cancellationToken) =>
        inner.UpsertAsync(table, entity, cancellationToken);

    public Task<bool> TryDeleteAsync(LedgerTable table, TableEntity entity, CancellationToken cancellationToken) =>
        Lose() ? Task.FromResult(false) : inner.TryDeleteAsync(table, entity, cancellationToken);

    public Task<bool> TrySubmitAsync(LedgerTable table, IReadOnlyList<LedgerWrite> writes, CancellationToken cancellationToken) =>
        Lose() ? Task.FromResult(false) : inner.TrySubmitAsync(table, writes, cancellationToken);

    public Task<IReadOnlyList<TableEntity>> QueryPartitionAsync(LedgerTable table, string partitionKey, CancellationToken cancellationToken) =>
        inner.QueryPartitionAsync(table, partitionKey, cancellationToken);

    private bool Lose()
    {
        if (RacesToLose <= 0)
        {
            return false;
        }

        RacesToLose--;
        RacesLost++;
        return true;
    }
}
