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
    private string? _location;

    public string ConnectionString { get; private set; } = "";

    /// <summary>
    /// A private Azurite that keeps its data in a temporary folder, so <see cref="StopAsync"/> and
    /// <see cref="StartAgainAsync"/> stop it mid-test and bring it back on the same endpoint with what it had stored.
    /// </summary>
    public static async Task<AzuriteFixture> StartRestartableAsync()
    {
        var location = Directory.CreateTempSubdirectory("alertprobe-azurite-").FullName;
        var service = await AzuriteService.StartAsync("table", location);
        return new AzuriteFixture { _service = service, _location = location, ConnectionString = service.ConnectionString("TableEndpoint") };
    }

    /// <summary>Stops Azurite as Ctrl+C does (it saves its data); connections to it are refused until it is started again.</summary>
    public Task StopAsync() => Service().StopAsync();

    /// <summary>Starts a stopped restartable Azurite again, on the same endpoint, with the data it saved.</summary>
    public Task StartAgainAsync() => Service().StartAgainAsync();

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
        if (_location is not null)
        {
            Directory.Delete(_location, recursive: true);
            _location = null;
        }

        return Task.CompletedTask;
    }

    private AzuriteService Service() =>
        _service is not null && _location is not null
            ? _service
            : throw new InvalidOperationException("Only an Azurite started with StartRestartableAsync can be stopped and started again.");
}
