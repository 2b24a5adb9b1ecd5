using System.Collections.Concurrent;
using System.Net;
using AlertProbe.Core.AzureSdk;
using Azure;
using Azure.Data.Tables;

namespace AlertProbe.Core.Ledger.Storage;

/// <summary>
/// <see cref="ILedgerStore"/> on Azure Table Storage (or Azurite). Each <see cref="LedgerTable"/> is a table named
/// <c>{prefix}{table}</c>, created on first use when <paramref name="createTables"/> is set. 409 on insert and
/// 412/404 on conditional writes become <c>false</c>; anything else propagates as a <see cref="RequestFailedException"/>,
/// also when no try got an answer (which the SDK throws as an <see cref="AggregateException"/>; see
/// <see cref="AzureSdkFailure"/>), so callers can judge every failure by its status.
/// </summary>
public sealed class TableLedgerStore(TableServiceClient service, string tableNamePrefix, bool createTables = true) : ILedgerStore
{
    private readonly ConcurrentDictionary<LedgerTable, Lazy<Task<TableClient>>> _tables = new();

    /// <summary>The table name a <see cref="LedgerTable"/> maps to.</summary>
    public string TableName(LedgerTable table) => tableNamePrefix + table.ToString();

    public Task<TableEntity?> GetAsync(LedgerTable table, string partitionKey, string rowKey, CancellationToken cancellationToken) =>
        Answered(GetCoreAsync(table, partitionKey, rowKey, cancellationToken));

    private async Task<TableEntity?> GetCoreAsync(LedgerTable table, string partitionKey, string rowKey, CancellationToken cancellationToken)
    {
        var client = await TableAsync(table, cancellationToken).ConfigureAwait(false);
        var response = await client.GetEntityIfExistsAsync<TableEntity>(partitionKey, rowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.HasValue ? response.Value : null;
    }

    public Task<bool> TryInsertAsync(LedgerTable table, TableEntity entity, CancellationToken cancellationToken) =>
        Answered(TryInsertCoreAsync(table, entity, cancellationToken));

    private async Task<bool> TryInsertCoreAsync(LedgerTable table, TableEntity entity, CancellationToken cancellationToken)
    {
        var client = await TableAsync(table, cancellationToken).ConfigureAwait(false);
        try
        {
            var response = await client.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
            entity.ETag = response.Headers.ETag ?? default;
            return true;
        }
        catch (RequestFailedException exception) when (exception.Status == (int)HttpStatusCode.Conflict)
        {
            return false;
        }
    }

    public Task<bool> TryReplaceAsync(LedgerTable table, TableEntity entity, CancellationToken cancellationToken) =>
        Answered(TryReplaceCoreAsync(table, entity, cancellationToken));

    private async Task<bool> TryReplaceCoreAsync(LedgerTable table, TableEntity entity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entity);
        var client = await TableAsync(table, cancellationToken).ConfigureAwait(false);
        try
        {
            var response = await client.UpdateEntityAsync(entity, entity.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
            entity.ETag = response.Headers.ETag ?? default;
            return true;
        }
        catch (RequestFailedException exception) when (IsLostRace(exception))
        {
            return false;
        }
    }

    public Task UpsertAsync(LedgerTable table, TableEntity entity, CancellationToken cancellationToken) =>
        Answered(UpsertCoreAsync(table, entity, cancellationToken));

    private async Task<bool> UpsertCoreAsync(LedgerTable table, TableEntity entity, CancellationToken cancellationToken)
    {
        var client = await TableAsync(table, cancellationToken).ConfigureAwait(false);
        var response = await client.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        entity.ETag = response.Headers.ETag ?? default;
        return true;
    }

    public Task<bool> TrySubmitAsync(LedgerTable table, IReadOnlyList<LedgerWrite> writes, CancellationToken cancellationToken) =>
        Answered(TrySubmitCoreAsync(table, writes, cancellationToken));

    private async Task<bool> TrySubmitCoreAsync(LedgerTable table, IReadOnlyList<LedgerWrite> writes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(writes);
        var client = await TableAsync(table, cancellationToken).ConfigureAwait(false);
        var actions = writes.Select(w => w.Kind switch
        {
            LedgerWriteKind.Insert => new TableTransactionAction(TableTransactionActionType.Add, w.Entity),
            LedgerWriteKind.Replace => new TableTransactionAction(TableTransactionActionType.UpdateReplace, w.Entity, w.Entity.ETag),
            LedgerWriteKind.Upsert => new TableTransactionAction(TableTransactionActionType.UpsertReplace, w.Entity),
            _ => new TableTransactionAction(TableTransactionActionType.Delete, w.Entity, w.Entity.ETag),
        }).ToList();
        try
        {
            var response = await client.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
            for (var i = 0; i < writes.Count; i++)
            {
                if (writes[i].Kind != LedgerWriteKind.Delete && response.Value[i].Headers.ETag is { } etag)
                {
                    writes[i].Entity.ETag = etag;
                }
            }

            return true;
        }
        catch (TableTransactionFailedException exception) when (exception.Status is (int)HttpStatusCode.Conflict or (int)HttpStatusCode.PreconditionFailed or (int)HttpStatusCode.NotFound)
        {
            return false;
        }
    }

    public Task<bool> TryDeleteAsync(LedgerTable table, TableEntity entity, CancellationToken cancellationToken) =>
        Answered(TryDeleteCoreAsync(table, entity, cancellationToken));

    private async Task<bool> TryDeleteCoreAsync(LedgerTable table, TableEntity entity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entity);
        var client = await TableAsync(table, cancellationToken).ConfigureAwait(false);
        try
        {
            var response = await client.DeleteEntityAsync(entity.PartitionKey, entity.RowKey, entity.ETag, cancellationToken).ConfigureAwait(false);

            // Delete answers 404 with a success response (no exception) when the row is already gone.
            return response.Status != (int)HttpStatusCode.NotFound;
        }
        catch (RequestFailedException exception) when (IsLostRace(exception))
        {
            return false;
        }
    }

    public Task<IReadOnlyList<TableEntity>> QueryPartitionAsync(LedgerTable table, string partitionKey, CancellationToken cancellationToken) =>
        Answered(QueryPartitionCoreAsync(table, partitionKey, cancellationToken));

    private async Task<IReadOnlyList<TableEntity>> QueryPartitionCoreAsync(LedgerTable table, string partitionKey, CancellationToken cancellationToken)
    {
        var client = await TableAsync(table, cancellationToken).ConfigureAwait(false);
        var rows = new List<TableEntity>();
        await foreach (var row in client.QueryAsync<TableEntity>(e => e.PartitionKey == partitionKey, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            rows.Add(row);
        }

        return rows;
    }

    private static async Task<T> Answered<T>(Task<T> call)
    {
        try
        {
            return await call.ConfigureAwait(false);
        }
        catch (AggregateException exception) when (AzureSdkFailure.AsRequestFailed(exception) is { } last)
        {
            throw AzureSdkFailure.Single(exception, last);
        }
    }

    private static bool IsLostRace(RequestFailedException exception) =>
        exception.Status is (int)HttpStatusCode.PreconditionFailed or (int)HttpStatusCode.NotFound;

    private Task<TableClient> TableAsync(LedgerTable table, CancellationToken cancellationToken)
    {
        var lazy = _tables.GetOrAdd(table, t => new Lazy<Task<TableClient>>(() => OpenAsync(t, cancellationToken)));
        var task = lazy.Value;
        if (task.IsFaulted || task.IsCanceled)
        {
            // A failed create (e.g. a transient outage) must not poison the store for its lifetime.
            _tables.TryRemove(new KeyValuePair<LedgerTable, Lazy<Task<TableClient>>>(table, lazy));
        }

        return task;
    }

    private async Task<TableClient> OpenAsync(LedgerTable table, CancellationToken cancellationToken)
    {
        var client = service.GetTableClient(TableName(table));
        if (createTables)
        {
            await client.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
        }

        return client;
    }
}
