using Azure;
using Azure.Data.Tables;

namespace AlertProbe.Core.Ledger.Storage;

/// <summary>
/// <see cref="ILedgerStore"/> in process memory with the same insert-if-absent and ETag semantics as Table
/// Storage. Thread-safe; state lives as long as the instance.
/// </summary>
public sealed class InMemoryLedgerStore : ILedgerStore
{
    private readonly Lock _gate = new();

    // Rows filed by partition, so a partition query reads its own rows only (it used to scan every stored row:
    // the claim completion queries a partition per created test). Row keys sorted ordinally, as Table Storage returns them.
    private readonly Dictionary<(LedgerTable Table, string PartitionKey), SortedDictionary<string, TableEntity>> _partitions = [];
    private long _version;

    public Task<TableEntity?> GetAsync(LedgerTable table, string partitionKey, string rowKey, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(TryGetRow(table, partitionKey, rowKey, out var row) ? Copy(row) : null);
        }
    }

    public Task<bool> TryInsertAsync(LedgerTable table, TableEntity entity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entity);
        lock (_gate)
        {
            var rows = Partition(table, entity.PartitionKey);
            if (rows.ContainsKey(entity.RowKey))
            {
                return Task.FromResult(false);
            }

            rows[entity.RowKey] = Stamp(entity);
            return Task.FromResult(true);
        }
    }

    public Task<bool> TrySubmitAsync(LedgerTable table, IReadOnlyList<LedgerWrite> writes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(writes);
        if (writes.Count is 0 or > 100 || writes.Any(w => w.Entity.PartitionKey != writes[0].Entity.PartitionKey)
            || writes.Select(w => w.Entity.RowKey).Distinct(StringComparer.Ordinal).Count() != writes.Count)
        {
            // What Table Storage refuses as a malformed entity-group transaction.
            throw new ArgumentException("A batch holds 1 to 100 writes to distinct rows of one partition.", nameof(writes));
        }

        lock (_gate)
        {
            foreach (var write in writes)
            {
                var exists = TryGetRow(table, write.Entity.PartitionKey, write.Entity.RowKey, out var current);
                var allowed = write.Kind switch
                {
                    LedgerWriteKind.Insert => !exists,
                    LedgerWriteKind.Replace or LedgerWriteKind.Delete => exists && Matches(current!, write.Entity.ETag),
                    _ => true,
                };
                if (!allowed)
                {
                    return Task.FromResult(false);
                }
            }

            foreach (var write in writes)
            {
                if (write.Kind == LedgerWriteKind.Delete)
                {
                    Remove(table, write.Entity.PartitionKey, write.Entity.RowKey);
                }
                else
                {
                    Partition(table, write.Entity.PartitionKey)[write.Entity.RowKey] = Stamp(write.Entity);
                }
            }

            return Task.FromResult(true);
        }
    }

    public Task<bool> TryReplaceAsync(LedgerTable table, TableEntity entity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entity);
        lock (_gate)
        {
            if (!TryGetRow(table, entity.PartitionKey, entity.RowKey, out var current) || !Matches(current, entity.ETag))
            {
                return Task.FromResult(false);
            }

            Partition(table, entity.PartitionKey)[entity.RowKey] = Stamp(entity);
            return Task.FromResult(true);
        }
    }

    public Task UpsertAsync(LedgerTable table, TableEntity entity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entity);
        lock (_gate)
        {
            Partition(table, entity.PartitionKey)[entity.RowKey] = Stamp(entity);
            return Task.CompletedTask;
        }
    }

    public Task<bool> TryDeleteAsync(LedgerTable table, TableEntity entity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entity);
        lock (_gate)
        {
            return Task.FromResult(TryGetRow(table, entity.PartitionKey, entity.RowKey, out var current) && Matches(current, entity.ETag)
                && Remove(table, entity.PartitionKey, entity.RowKey));
        }
    }

    public Task<IReadOnlyList<TableEntity>> QueryPartitionAsync(LedgerTable table, string partitionKey, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<TableEntity> rows = _partitions.TryGetValue((table, partitionKey), out var partition)
                ? partition.Values.Select(Copy).ToList()
                : [];
            return Task.FromResult(rows);
        }
    }

    private static bool Matches(TableEntity current, ETag ifMatch) => ifMatch == ETag.All || current.ETag == ifMatch;

    // Callers own the entities they pass and get; the store keeps copies. The caller's entity learns the new ETag.
    private TableEntity Stamp(TableEntity entity)
    {
        var stored = Copy(entity);
        stored.ETag = new ETag($"W/\"{++_version}\"");
        entity.ETag = stored.ETag;
        return stored;
    }

    private static TableEntity Copy(TableEntity entity)
    {
        var copy = new TableEntity(entity.PartitionKey, entity.RowKey) { ETag = entity.ETag, Timestamp = entity.Timestamp };
        foreach (var (name, value) in entity)
        {
            if (name is not ("PartitionKey" or "RowKey" or "odata.etag" or "Timestamp"))
            {
                copy[name] = value;
            }
        }

        return copy;
    }

    private bool TryGetRow(LedgerTable table, string partitionKey, string rowKey, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out TableEntity? row)
    {
        row = null;
        return _partitions.TryGetValue((table, partitionKey), out var rows) && rows.TryGetValue(rowKey, out row);
    }

    private SortedDictionary<string, TableEntity> Partition(LedgerTable table, string partitionKey)
    {
        if (!_partitions.TryGetValue((table, partitionKey), out var rows))
        {
            rows = new SortedDictionary<string, TableEntity>(StringComparer.Ordinal);
            _partitions[(table, partitionKey)] = rows;
        }

        return rows;
    }

    private bool Remove(LedgerTable table, string partitionKey, string rowKey)
    {
        if (!_partitions.TryGetValue((table, partitionKey), out var rows) || !rows.Remove(rowKey))
        {
            return false;
        }

        if (rows.Count == 0)
        {
            _partitions.Remove((table, partitionKey));
        }

        return true;
    }
}
