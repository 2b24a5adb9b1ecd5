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
    private readonly SortedDictionary<(LedgerTable Table, string PartitionKey, string RowKey), TableEntity> _rows = new(KeyComparer.Instance);
    private long _version;

    public Task<TableEntity?> GetAsync(LedgerTable table, string partitionKey, string rowKey, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_rows.TryGetValue((table, partitionKey, rowKey), out var row) ? Copy(row) : null);
        }
    }

    public Task<bool> TryInsertAsync(LedgerTable table, TableEntity entity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entity);
        lock (_gate)
        {
            var key = (table, entity.PartitionKey, entity.RowKey);
            if (_rows.ContainsKey(key))
            {
                return Task.FromResult(false);
            }

            _rows[key] = Stamp(entity);
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
                var exists = _rows.TryGetValue((table, write.Entity.PartitionKey, write.Entity.RowKey), out var current);
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
                var key = (table, write.Entity.PartitionKey, write.Entity.RowKey);
                if (write.Kind == LedgerWriteKind.Delete)
                {
                    _rows.Remove(key);
                }
                else
                {
                    _rows[key] = Stamp(write.Entity);
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
            var key = (table, entity.PartitionKey, entity.RowKey);
            if (!_rows.TryGetValue(key, out var current) || !Matches(current, entity.ETag))
            {
                return Task.FromResult(false);
            }

            _rows[key] = Stamp(entity);
            return Task.FromResult(true);
        }
    }

    public Task UpsertAsync(LedgerTable table, TableEntity entity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entity);
        lock (_gate)
        {
            _rows[(table, entity.PartitionKey, entity.RowKey)] = Stamp(entity);
            return Task.CompletedTask;
        }
    }

    public Task<bool> TryDeleteAsync(LedgerTable table, TableEntity entity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entity);
        lock (_gate)
        {
            var key = (table, entity.PartitionKey, entity.RowKey);
            return Task.FromResult(_rows.TryGetValue(key, out var current) && Matches(current, entity.ETag) && _rows.Remove(key));
        }
    }

    public Task<IReadOnlyList<TableEntity>> QueryPartitionAsync(LedgerTable table, string partitionKey, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<TableEntity> rows = _rows
                .Where(row => row.Key.Table == table && row.Key.PartitionKey == partitionKey)
                .Select(row => Copy(row.Value))
                .ToList();
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

    private sealed class KeyComparer : IComparer<(LedgerTable Table, string PartitionKey, string RowKey)>
    {
        public static readonly KeyComparer Instance = new();

        public int Compare((LedgerTable Table, string PartitionKey, string RowKey) x, (LedgerTable Table, string PartitionKey, string RowKey) y)
        {
            var table = x.Table.CompareTo(y.Table);
            if (table != 0)
            {
                return table;
            }

            var partition = string.CompareOrdinal(x.PartitionKey, y.PartitionKey);
            return partition != 0 ? partition : string.CompareOrdinal(x.RowKey, y.RowKey);
        }
    }
}
