using Xunit;

namespace AlertProbe.Testing.Azurite;

/// <summary>
/// Starts a private Azurite Blob service (the npm package scripts/test.sh installs under tools/azurite) on a free
/// loopback port with in-memory storage, and stops it when the tests are done. Use it as a class fixture.
/// Set AZURITE_BLOB_CONNECTION_STRING to use an Azurite that is already running instead.
/// </summary>
public sealed class AzuriteBlobFixture : IAsyncLifetime
{
    private AzuriteService? _service;

    public string ConnectionString { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var external = Environment.GetEnvironmentVariable("AZURITE_BLOB_CONNECTION_STRING");
        if (!string.IsNullOrEmpty(external))
        {
            ConnectionString = external;
            return;
        }

        _service = await AzuriteService.StartAsync("blob");
        ConnectionString = _service.ConnectionString("BlobEndpoint");
    }

    public Task DisposeAsync()
    {
        _service?.Dispose();
        _service = null;
        return Task.CompletedTask;
    }
}
