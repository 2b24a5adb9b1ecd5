using Azure.Data.Tables;
using Xunit;

namespace AlertProbe.Testing.Azurite;

/// <summary>
/// Starts a private Azurite Table service (npm package, installed by scripts/test.sh under tools/azurite)
/// on a free loopback port with in-memory storage, and stops it when the tests are done.
/// Use it as a class fixture, or declare an xunit collection for it in the test assembly (xunit looks for
/// collection definitions only there).
/// Set AZURITE_TABLE_CONNECTION_STRING to use an Azurite that is already running instead.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    /// <summary>Azurite's well-known development account key (public, not a secret).</summary>
    public const string DevelopmentAccountKey = AzuriteService.DevAccountKey;

    private AzuriteService? _service;

    public string ConnectionString { get; private set; } = "";

    /// <summary>A table client for a fresh, uniquely named table, so tests never share state.</summary>
    public async Task<TableClient> CreateTableAsync(string prefix = "t")
    {
        var name = prefix + Guid.NewGuid().ToString("N")[..16];
        var table = new TableClient(ConnectionString, name);
        await table.CreateIfNotExistsAsync();
        return table;
    }

    public async Task InitializeAsync()
    {
        var external = Environment.GetEnvironmentVariable("AZURITE_TABLE_CONNECTION_STRING");
        if (!string.IsNullOrEmpty(external))
        {
            ConnectionString = external;
            return;
        }

        _service = await AzuriteService.StartAsync("table");
        ConnectionString = _service.ConnectionString("TableEndpoint");
    }

    public Task DisposeAsync()
    {
        _service?.Dispose();
        _service = null;
        return Task.CompletedTask;
    }
}
