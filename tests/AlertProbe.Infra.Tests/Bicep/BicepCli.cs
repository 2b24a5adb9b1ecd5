using System.Diagnostics;
using System.Reflection;

namespace AlertProbe.Infra.Tests.Bicep;

/// <summary>Runs the bicep CLI shipped in the Azure.Bicep.CommandLine NuGet package (offline: local modules only).</summary>
internal static class BicepCli
{
    // A guard against a hung process, not a performance expectation (a build takes a few seconds).
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    public static string ExecutablePath { get; } = Metadata("BicepPath");

    public static string RepositoryRoot { get; } = Metadata("RepositoryRoot");

    public static Task<BicepRun> RunAsync(params string[] arguments) => RunWithInputAsync(null, arguments);

    /// <summary>Runs bicep with <paramref name="input"/> on standard input (e.g. expressions for <c>bicep console</c>).</summary>
    public static async Task<BicepRun> RunWithInputAsync(string? input, params string[] arguments)
    {
        EnsureExecutable();
        var startInfo = new ProcessStartInfo(ExecutablePath)
        {
            RedirectStandardInput = input is not null,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepositoryRoot,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = Process.Start(startInfo)
            ?? throw new InvalidOperationException($"Could not start {ExecutablePath}.");
        if (input is not null)
        {
            await process.StandardInput.WriteAsync(input);
            process.StandardInput.Close();
        }

        var standardOutput = process.StandardOutput.ReadToEndAsync();
        var standardError = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"bicep {string.Join(' ', arguments)} did not finish within {Timeout}.");
        }

        return new BicepRun(process.ExitCode, await standardOutput, await standardError);
    }

    // NuGet does not promise the execute bit on extracted files.
    private static void EnsureExecutable()
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new FileNotFoundException($"The bicep CLI is not at {ExecutablePath}: restore AlertProbe.Infra.Tests.", ExecutablePath);
        }

        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var mode = File.GetUnixFileMode(ExecutablePath);
        if (!mode.HasFlag(UnixFileMode.UserExecute))
        {
            File.SetUnixFileMode(ExecutablePath, mode | UnixFileMode.UserExecute);
        }
    }

    private static string Metadata(string key) => typeof(BicepCli).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(attribute => attribute.Key == key).Value
        ?? throw new InvalidOperationException($"Assembly metadata {key} is empty.");
}
