using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace AlertProbe.Testing.Azurite;

/// <summary>
/// One Azurite service process (`azurite-table` or `azurite-blob` from the npm package scripts/test.sh installs under
/// tools/azurite) on a free loopback port, with in-memory storage or, given a folder, storage kept there so the
/// service can be stopped and started again with its data: started with up to three attempts, each given 30 s to
/// listen, and killed with its process tree on dispose. The fixtures build their connection strings on top.
/// </summary>
internal sealed class AzuriteService : IDisposable
{
    // Azurite's well-known development account key (public, not a secret).
    public const string DevAccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly string _executable;
    private readonly string _service;
    private readonly string? _location;
    private Process? _process;
    private TaskCompletionSource? _closed;

    private AzuriteService(string executable, string service, int port, string? location)
    {
        _executable = executable;
        _service = service;
        Port = port;
        _location = location;
    }

    public int Port { get; }

    /// <summary>The connection string of the development account with this service's endpoint (e.g. "TableEndpoint").</summary>
    public string ConnectionString(string endpointKey) =>
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={DevAccountKey};" +
        $"{endpointKey}=http://127.0.0.1:{Port}/devstoreaccount1;";

    /// <summary>Starts `azurite-{service}` ("table" or "blob"), keeping its data in <paramref name="location"/> when given.</summary>
    public static async Task<AzuriteService> StartAsync(string service, string? location = null)
    {
        var executable = RepositoryRoot.Combine("tools", "azurite", "node_modules", ".bin", $"azurite-{service}");
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException(
                $"Azurite is not installed at {executable}. Run `bash scripts/test.sh` (it runs `npm ci --prefix tools/azurite`).");
        }

        for (var attempt = 1; ; attempt++)
        {
            var started = new AzuriteService(executable, service, FreeLoopbackPort(), location);
            started._process = started.Start();
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

    /// <summary>
    /// Stops the service as Ctrl+C does (SIGINT: Azurite stops serving and saves its data), waits up to 30 s for it to
    /// say it has closed, then ends the process: Node keeps a closed server's process alive while clients hold pooled
    /// connections to it, and those connections would then hang instead of being refused.
    /// </summary>
    public async Task StopAsync()
    {
        if (_process is not { HasExited: false } process)
        {
            return;
        }

        _closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (var interrupt = Process.Start("kill", ["-INT", process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await interrupt.WaitForExitAsync();
        }

        var saved = await Task.WhenAny(_closed.Task, Task.Delay(TimeSpan.FromSeconds(30))) == _closed.Task;
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
        if (!saved)
        {
            throw new InvalidOperationException($"Azurite ({_service}) did not report closing within 30 s of SIGINT: its data may not be saved.");
        }
    }

    /// <summary>Starts the stopped service again on the same port, with the data it saved.</summary>
    public async Task StartAgainAsync()
    {
        if (_location is null)
        {
            throw new InvalidOperationException("Only a service that keeps its data in a folder can be started again with it.");
        }

        _process?.Dispose();
        _process = Start();
        if (!await WaitUntilListeningAsync())
        {
            throw new InvalidOperationException($"Azurite ({_service}) did not listen again on port {Port}.");
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

    private Process Start()
    {
        var startInfo = new ProcessStartInfo(_executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var storage = _location is null ? new[] { "--inMemoryPersistence" } : ["--location", _location];
        foreach (var arg in new[] { $"--{_service}Host", "127.0.0.1", $"--{_service}Port", Port.ToString(CultureInfo.InvariantCulture) }
                     .Concat(storage)
                     .Concat(["--skipApiVersionCheck", "--disableProductStyleUrl", "--silent"]))
        {
            startInfo.ArgumentList.Add(arg);
        }

        var process = Process.Start(startInfo) ?? throw new InvalidOperationException("Could not start Azurite.");
        process.OutputDataReceived += (_, line) =>
        {
            if (line.Data?.Contains("successfully closed", StringComparison.Ordinal) == true)
            {
                _closed?.TrySetResult();
            }
        };
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
