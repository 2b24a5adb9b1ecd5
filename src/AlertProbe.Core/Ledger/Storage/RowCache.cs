using System.Collections.Concurrent;
using Azure.Data.Tables;

namespace AlertProbe.Core.Ledger.Storage;

/// <summary>
/// The rows this instance last wrote or read, with their ETags, so the next conditional write of a row can go without
/// reading it back first. Never an authority: a row changed elsewhere fails the If-Match write, is forgotten and read
/// again; callers only skip a write on a cached row where what they check cannot go back (a claim's test id, a later
/// expiry). Bounded: when full it starts over.
/// </summary>
internal sealed class RowCache(int capacity = 10_000)
{
    private readonly ConcurrentDictionary<(LedgerTable Table, string PartitionKey, string RowKey), TableEntity> _rows = new();

    /// <summary>A copy of the cached row (the caller may change it), or null.</summary>
    public TableEntity? Get(LedgerTable table, string partitionKey, string rowKey) =>
        _rows.TryGetValue((table, partitionKey, rowKey), out var row) ? Copy(row) : null;

    public void Put(LedgerTable table, TableEntity entity)
    {
        if (_rows.Count >= capacity)
        {
            _rows.Clear();
        }

        _rows[(table, entity.PartitionKey, entity.RowKey)] = Copy(entity);
    }

    public void Forget(LedgerTable table, string partitionKey, string rowKey) => _rows.TryRemove((table, partitionKey, rowKey), out _);

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
}
