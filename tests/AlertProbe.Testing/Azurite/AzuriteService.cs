using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace AlertProbe.Testing.Azurite;

/// <summary>
/// One Azurite service process (`azurite-table` or `azurite-blob` from the npm package scripts/test.sh installs under
/// tools/azurite) on a free loopback port with in-memory storage: started with up to three attempts, each given 30 s
/// to listen, and killed with its process tree on dispose. The fixtures build their connection strings on top.
/// </summary>
internal sealed class AzuriteService : IDisposable
{
    // Azurite's well-known development account key (public, not a secret).
    public const string DevAccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private Process? _process;

    private AzuriteService(int port) => Port = port;

    public int Port { get; }

    /// <summary>The connection string of the development account with this service's endpoint (e.g. "TableEndpoint").</summary>
    public string ConnectionString(string endpointKey) =>
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={DevAccountKey};" +
        $"{endpointKey}=http://127.0.0.1:{Port}/devstoreaccount1;";

    /// <summary>Starts `azurite-{service}` ("table" or "blob").</summary>
    public static async Task<AzuriteService> StartAsync(string service)
    {
        var executable = RepositoryRoot.Combine("tools", "azurite", "node_modules", ".bin", $"azurite-{service}");
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException(
                $"Azurite is not installed at {executable}. Run `bash scripts/test.sh` (it runs `npm ci --prefix tools/azurite`).");
        }

        for (var attempt = 1; ; attempt++)
        {
            var started = new AzuriteService(FreeLoopbackPort());
            started._process = Start(executable, service, started.Port);
            if (await started.WaitUntilListeningAsync())
            {
                return started;
            }

            started.Dispose();
            if (attempt == 3)
            {
                throw new InvalidOperationException($"Azurite ({service}) did not start listening on loopback after 3 attempts.");
            }
        }
    }

    public void Dispose()
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

    private static Process Start(string executable, string service, int port)
    {
        var startInfo = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
                 {
                     $"--{service}Host", "127.0.0.1", $"--{service}Port", port.ToString(CultureInfo.InvariantCulture),
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

    private async Task<bool> WaitUntilListeningAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline && _process is { HasExited: false })
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, Port);
                return true;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }

        return false;
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
