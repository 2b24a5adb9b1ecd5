using Azure.Data.Tables;

namespace AlertProbe.Core.Ledger.Storage;

/// <summary>
/// Row-level storage with Table Storage's concurrency semantics: insert-if-absent and ETag-conditional
/// replace/delete. Conflicts are answers (<c>false</c>), not exceptions: they are how concurrent instances agree.
/// Two implementations: <see cref="TableLedgerStore"/> (Azure Table Storage / Azurite) and
/// <see cref="InMemoryLedgerStore"/> (tests, the CLI), so the ledger's logic exists once.
/// A successful insert, replace or upsert sets the entity's <see cref="TableEntity.ETag"/> to the row's new one, so a
/// caller can write the row again without reading back what it just wrote.
/// </summary>
public interface ILedgerStore
{
    /// <summary>The row with its <see cref="TableEntity.ETag"/> set, or null.</summary>
    Task<TableEntity?> GetAsync(LedgerTable table, string partitionKey, string rowKey, CancellationToken cancellationToken);

    /// <summary>Inserts the row; false when it already exists (someone else won).</summary>
    Task<bool> TryInsertAsync(LedgerTable table, TableEntity entity, CancellationToken cancellationToken);

    /// <summary>Replaces the row if it still has <see cref="TableEntity.ETag"/>; false when it changed or is gone.</summary>
    Task<bool> TryReplaceAsync(LedgerTable table, TableEntity entity, CancellationToken cancellationToken);

    /// <summary>Inserts or replaces the row unconditionally.</summary>
    Task UpsertAsync(LedgerTable table, TableEntity entity, CancellationToken cancellationToken);

    /// <summary>Deletes the row if it still has <see cref="TableEntity.ETag"/>; false when it changed or is gone.</summary>
    Task<bool> TryDeleteAsync(LedgerTable table, TableEntity entity, CancellationToken cancellationToken);

    /// <summary>
    /// Applies every write atomically (one entity-group transaction: all rows in one partition, at most 100); false, with
    /// nothing applied, when any insert meets an existing row or any conditional write meets a changed or missing row.
    /// </summary>
    Task<bool> TrySubmitAsync(LedgerTable table, IReadOnlyList<LedgerWrite> writes, CancellationToken cancellationToken);

    /// <summary>Every row of a partition, in row key order.</summary>
    Task<IReadOnlyList<TableEntity>> QueryPartitionAsync(LedgerTable table, string partitionKey, CancellationToken cancellationToken);
}
