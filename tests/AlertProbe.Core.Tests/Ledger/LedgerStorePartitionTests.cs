using AlertProbe.Core.Ledger.Storage;
using AlertProbe.Testing.Azurite;
using Azure.Data.Tables;

namespace AlertProbe.Core.Tests.Ledger;

/// <summary>
/// Partition queries and the writes that change a partition, run against both stores: Table Storage on Azurite is the
/// reference (it returns a partition's rows in row-key order), the in-memory store must answer the same.
/// </summary>
public abstract class LedgerStorePartitionTests
{
    protected abstract ILedgerStore CreateStore();

    [Fact]
    public async Task A_partition_query_returns_only_that_partitions_rows_in_row_key_order()
    {
        var store = CreateStore();
        foreach (var (partition, row) in new[] { ("p", "b"), ("p", "a"), ("p", "c"), ("pp", "a"), ("o", "z"), ("P", "a") })
        {
            Assert.True(await store.TryInsertAsync(LedgerTable.Coalescing, Row(partition, row), CancellationToken.None));
        }

        // Same partition and row keys in another table: not part of the answer.
        Assert.True(await store.TryInsertAsync(LedgerTable.Intake, Row("p", "d"), CancellationToken.None));

        var rows = await store.QueryPartitionAsync(LedgerTable.Coalescing, "p", CancellationToken.None);

        Assert.Equal(["a", "b", "c"], rows.Select(r => r.RowKey));
        Assert.All(rows, r => Assert.Equal("p", r.PartitionKey));
        Assert.All(rows, r => Assert.Equal($"p/{r.RowKey}", r.GetString("Value")));
    }

    [Fact]
    public async Task Deleted_rows_leave_the_partition_and_an_emptied_partition_can_be_filled_again()
    {
        var store = CreateStore();
        var single = Row("p", "a");
        Assert.True(await store.TryInsertAsync(LedgerTable.Coalescing, single, CancellationToken.None));
        var batch = Row("p", "b");
        Assert.True(await store.TryInsertAsync(LedgerTable.Coalescing, batch, CancellationToken.None));

        Assert.True(await store.TryDeleteAsync(LedgerTable.Coalescing, single, CancellationToken.None));
        Assert.True(await store.TrySubmitAsync(LedgerTable.Coalescing, [new LedgerWrite(LedgerWriteKind.Delete, batch)], CancellationToken.None));
        Assert.Empty(await store.QueryPartitionAsync(LedgerTable.Coalescing, "p", CancellationToken.None));
        Assert.Null(await store.GetAsync(LedgerTable.Coalescing, "p", "a", CancellationToken.None));

        Assert.True(await store.TryInsertAsync(LedgerTable.Coalescing, Row("p", "c"), CancellationToken.None));
        Assert.Equal(["c"], (await store.QueryPartitionAsync(LedgerTable.Coalescing, "p", CancellationToken.None)).Select(r => r.RowKey));
    }

    [Fact]
    public async Task Replaces_upserts_and_batches_show_in_the_next_partition_query()
    {
        var store = CreateStore();
        var first = Row("p", "a");
        Assert.True(await store.TryInsertAsync(LedgerTable.Coalescing, first, CancellationToken.None));
        first["Value"] = "replaced";
        Assert.True(await store.TryReplaceAsync(LedgerTable.Coalescing, first, CancellationToken.None));
        await store.UpsertAsync(LedgerTable.Coalescing, Row("p", "b"), CancellationToken.None);
        Assert.True(await store.TrySubmitAsync(LedgerTable.Coalescing, [new LedgerWrite(LedgerWriteKind.Insert, Row("p", "c")), new LedgerWrite(LedgerWriteKind.Upsert, Row("p", "d"))], CancellationToken.None));

        var rows = await store.QueryPartitionAsync(LedgerTable.Coalescing, "p", CancellationToken.None);

        Assert.Equal(["a", "b", "c", "d"], rows.Select(r => r.RowKey));
        Assert.Equal(["replaced", "p/b", "p/c", "p/d"], rows.Select(r => r.GetString("Value")));
    }

    [Fact]
    public async Task A_partition_never_written_is_empty()
    {
        var store = CreateStore();
        Assert.True(await store.TryInsertAsync(LedgerTable.Coalescing, Row("p", "a"), CancellationToken.None));

        Assert.Empty(await store.QueryPartitionAsync(LedgerTable.Coalescing, "q", CancellationToken.None));
        Assert.Empty(await store.QueryPartitionAsync(LedgerTable.Results, "p", CancellationToken.None));
    }

    private static TableEntity Row(string partition, string row) => new(partition, row) { ["Value"] = $"{partition}/{row}" };
}

public sealed class InMemoryLedgerStorePartitionTests : LedgerStorePartitionTests
{
    protected override ILedgerStore CreateStore() => new InMemoryLedgerStore();
}

[Collection(LedgerAzurite.Name)]
public sealed class TableLedgerStorePartitionTests(AzuriteFixture azurite) : LedgerStorePartitionTests
{
    protected override ILedgerStore CreateStore() => new TableLedgerStore(new TableServiceClient(azurite.ConnectionString), LedgerAzurite.UniquePrefix());
}
