using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Xunit;

namespace AlertProbe.Testing.Azurite;

/// <summary>
/// Starts a private Azurite Blob service (the npm package scripts/test.sh installs under tools/azurite) on a free
/// loopback port with in-memory storage, and stops it when the tests are done. Use it as a class fixture.
/// Set AZURITE_BLOB_CONNECTION_STRING to use an Azurite that is already running instead.
/// </summary>
public sealed class AzuriteBlobFixture : IAsyncLifetime
{
    // Azurite's well-known development account key (public, not a secret).
    private const string DevAccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private Process? _process;

    public string ConnectionString { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var external = Environment.GetEnvironmentVariable("AZURITE_BLOB_CONNECTION_STRING");
        if (!string.IsNullOrEmpty(external))
        {
            ConnectionString = external;
            return;
        }

        var executable = RepositoryRoot.Combine("tools", "azurite", "node_modules", ".bin", "azurite-blob");
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException(
                $"Azurite is not installed at {executable}. Run `bash scripts/test.sh` (it runs `npm ci --prefix tools/azurite`).");
        }

        for (var attempt = 1; ; attempt++)
        {
            var port = FreeLoopbackPort();
            _process = Start(executable, port);
            if (await WaitUntilListeningAsync(port))
            {
                ConnectionString =
                    $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={DevAccountKey};" +
                    $"BlobEndpoint=http://127.0.0.1:{port}/devstoreaccount1;";
                return;
            }

            Stop();
            if (attempt == 3)
            {
                throw new InvalidOperationException("Azurite (blob) did not start listening on loopback after 3 attempts.");
            }
        }
    }

    public Task DisposeAsync()
    {
        Stop();
        return Task.CompletedTask;
    }

    private static Process Start(string executable, int port)
    {
        var startInfo = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
                 {
                     "--blobHost", "127.0.0.1", "--blobPort", port.ToString(CultureInfo.InvariantCulture),
                     "--inMemoryPersistence", "--skipApiVersionCheck", "--disableProductStyleUrl", "--silent",
                 })
        {
            startInfo.ArgumentList.Add(arg);
        }

        var process = Process.Start(startInfo) ?? throw new InvalidOperationException("Could not start Azurite.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private async Task<bool> WaitUntilListeningAsync(int port)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline && _process is { HasExited: false })
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return true;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }

        return false;
    }

    private void Stop()
    {
        if (_process is null)
        {
            return;
        }

        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(5000);
            }
        }
        finally
        {
            _process.Dispose();
            _process = null;
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
