using System.Collections.Concurrent;
using AlertProbe.Core.Ledger.Storage;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;

namespace AlertProbe.Benchmarks.Storm;

/// <summary>Counts every HTTP request a <see cref="TableServiceClient"/> sends (each retry included): one per transport call.</summary>
internal sealed class TableRequestCounter : HttpPipelinePolicy
{
    private long _count;

    public long Count => Interlocked.Read(ref _count);

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Interlocked.Increment(ref _count);
        ProcessNext(message, pipeline);
    }

    public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Interlocked.Increment(ref _count);
        return ProcessNextAsync(message, pipeline);
    }
}

/// <summary>
/// Counts the operations the ledger and the budget ask of their store: on Table Storage each is one request (a query
/// of a small partition is one page), so on the in-memory store this is the request count the same run would make.
/// </summary>
internal sealed class CountingLedgerStore(ILedgerStore inner) : ILedgerStore
{
    private long _count;

    public long Count => Interlocked.Read(ref _count);

    public ConcurrentDictionary<string, long> ByOperation { get; } = new();

    public Task<TableEntity?> GetAsync(LedgerTable table, string partitionKey, string rowKey, CancellationToken cancellationToken) =>
        Counted($"{table}.get", inner.GetAsync(table, partitionKey, rowKey, cancellationToken));

    public Task<bool> TryInsertAsync(LedgerTable table, TableEntity entity, CancellationToken cancellationToken) =>
        Counted($"{table}.insert", inner.TryInsertAsync(table, entity, cancellationToken));

    public Task<bool> TryReplaceAsync(LedgerTable table, TableEntity entity, CancellationToken cancellationToken) =>
        Counted($"{table}.replace", inner.TryReplaceAsync(table, entity, cancellationToken));

    public Task UpsertAsync(LedgerTable table, TableEntity entity, CancellationToken cancellationToken) =>
        Counted($"{table}.upsert", inner.UpsertAsync(table, entity, cancellationToken));

    public Task<bool> TryDeleteAsync(LedgerTable table, TableEntity entity, CancellationToken cancellationToken) =>
        Counted($"{table}.delete", inner.TryDeleteAsync(table, entity, cancellationToken));

    public Task<bool> TrySubmitAsync(LedgerTable table, IReadOnlyList<LedgerWrite> writes, CancellationToken cancellationToken) =>
        Counted($"{table}.batch", inner.TrySubmitAsync(table, writes, cancellationToken));

    public Task<IReadOnlyList<TableEntity>> QueryPartitionAsync(LedgerTable table, string partitionKey, CancellationToken cancellationToken) =>
        Counted($"{table}.query", inner.QueryPartitionAsync(table, partitionKey, cancellationToken));

    private T Counted<T>(string operation, T result)
    {
        Interlocked.Increment(ref _count);
        ByOperation.AddOrUpdate(operation, 1, (_, n) => n + 1);
        return result;
    }
}

/// <summary>What the ThousandEyes client's calls met: 429s and successful creates (shared by every handler pipeline).</summary>
internal sealed class ApiCallLog(TimeProvider time)
{
    private readonly ConcurrentQueue<DateTimeOffset> _rateLimited = new();
    private readonly ConcurrentQueue<DateTimeOffset> _creates = new();

    public IReadOnlyList<DateTimeOffset> RateLimited => [.. _rateLimited];

    public IReadOnlyList<DateTimeOffset> Creates => [.. _creates];

    /// <summary>A handler for one pipeline (the factory rebuilds pipelines, and a handler belongs to one).</summary>
    public DelegatingHandler CreateHandler() => new Recorder(this);

    private sealed class Recorder(ApiCallLog log) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            var isCreate = request.Method == HttpMethod.Post && request.RequestUri?.AbsolutePath.EndsWith("/instant", StringComparison.Ordinal) == true;
            if ((int)response.StatusCode == 429)
            {
                log._rateLimited.Enqueue(log.Now());
            }
            else if (isCreate && response.IsSuccessStatusCode)
            {
                log._creates.Enqueue(log.Now());
            }

            return response;
        }
    }

    private DateTimeOffset Now() => time.GetUtcNow();
}
