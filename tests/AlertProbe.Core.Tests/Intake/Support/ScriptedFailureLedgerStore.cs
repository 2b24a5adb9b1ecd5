using AlertProbe.Core.Ledger.Storage;
using AlertProbe.Core.Messages;
using AlertProbe.Testing.Azurite;
using Azure;
using Azure.Data.Tables;
using Azure.Messaging.ServiceBus;
using Microsoft.Extensions.DependencyInjection;

namespace AlertProbe.Core.Tests.Intake.Support;

/// <summary>
/// The ledger's real store (Table Storage on Azurite) with failures on cue: each scripted failure throws, once, what the
/// Table client throws after its own retries, on the first write or read it matches; everything else reaches the store.
/// </summary>
internal sealed class ScriptedFailureLedgerStore(ILedgerStore inner) : ILedgerStore
{
    private readonly List<(Func<LedgerTable, TableEntity?, bool> Matches, int Status, string Name)> _script = [];
    private readonly Lock _gate = new();

    /// <summary>Every call fails with <see cref="Status"/> while set (an outage, or an error that lasts).</summary>
    public int? FailEverything { get; set; }

    public List<string> Thrown { get; } = [];

    /// <summary>The next write to <paramref name="table"/> that <paramref name="matches"/> fails with 503 ServerBusy.</summary>
    public void FailNextWrite(string name, LedgerTable table, Func<TableEntity, bool> matches)
    {
        lock (_gate)
        {
            _script.Add(((t, e) => t == table && e is not null && matches(e), 503, name));
        }
    }

    public Task<TableEntity?> GetAsync(LedgerTable table, string partitionKey, string rowKey, CancellationToken cancellationToken)
    {
        Before(table, null);
        return inner.GetAsync(table, partitionKey, rowKey, cancellationToken);
    }

    public Task<bool> TryInsertAsync(LedgerTable table, TableEntity entity, CancellationToken cancellationToken)
    {
        Before(table, entity);
        return inner.TryInsertAsync(table, entity, cancellationToken);
    }

    public Task<bool> TryReplaceAsync(LedgerTable table, TableEntity entity, CancellationToken cancellationToken)
    {
        Before(table, entity);
        return inner.TryReplaceAsync(table, entity, cancellationToken);
    }

    public Task UpsertAsync(LedgerTable table, TableEntity entity, CancellationToken cancellationToken)
    {
        Before(table, entity);
        return inner.UpsertAsync(table, entity, cancellationToken);
    }

    public Task<bool> TryDeleteAsync(LedgerTable table, TableEntity entity, CancellationToken cancellationToken)
    {
        Before(table, entity);
        return inner.TryDeleteAsync(table, entity, cancellationToken);
    }

    public Task<bool> TrySubmitAsync(LedgerTable table, IReadOnlyList<LedgerWrite> writes, CancellationToken cancellationToken)
    {
        foreach (var write in writes)
        {
            Before(table, write.Entity);
        }

        return inner.TrySubmitAsync(table, writes, cancellationToken);
    }

    public Task<IReadOnlyList<TableEntity>> QueryPartitionAsync(LedgerTable table, string partitionKey, CancellationToken cancellationToken)
    {
        Before(table, null);
        return inner.QueryPartitionAsync(table, partitionKey, cancellationToken);
    }

    private void Before(LedgerTable table, TableEntity? entity)
    {
        if (FailEverything is { } status)
        {
            throw Failure(status, "every call");
        }

        lock (_gate)
        {
            var index = _script.FindIndex(s => s.Matches(table, entity));
            if (index < 0)
            {
                return;
            }

            var (_, scripted, name) = _script[index];
            _script.RemoveAt(index);
            Thrown.Add(name);
            throw Failure(scripted, name);
        }
    }

    private static RequestFailedException Failure(int status, string what) => status == 0
        ? new RequestFailedException(0, $"Connection refused ({what}, scripted)", null, new HttpRequestException("Connection refused"))
        : new RequestFailedException(status, $"Scripted storage failure ({what}).", status == 503 ? "ServerBusy" : "AuthorizationFailure", null);

    /// <summary>
    /// An intake host on Azurite whose ledger store is a scripted failing store over a table ledger of its own (the store
    /// is built with the ledger: resolving the ledger builds it), with the given Service Bus client and settings.
    /// </summary>
    public static async Task<(IntakeHost Host, ScriptedFailureLedgerStore Store)> StartIntakeAsync(
        AzuriteFixture azurite, Func<InMemoryMessageBus, ServiceBusClient>? serviceBus, params (string Key, string Value)[] settings)
    {
        ScriptedFailureLedgerStore? store = null;
        var prefix = "t" + Guid.NewGuid().ToString("N")[..16];
        var host = await IntakeHost.StartAsync(azurite, options =>
        {
            foreach (var (key, value) in settings)
            {
                options.Settings[key] = value;
            }

            options.ServiceBusClient = serviceBus;
            options.Services = services => services.AddSingleton<ILedgerStore>(_ =>
                store = new ScriptedFailureLedgerStore(new TableLedgerStore(new TableServiceClient(azurite.ConnectionString), prefix)));
        });

        _ = host.Ledger;
        return (host, store!);
    }
}
