using System.Diagnostics;
using AlertProbe.Testing;

namespace AlertProbe.Cli.Tests;

/// <summary>
/// Runs the built <c>alertprobe</c> as its own process (as a user would), from the repository root, with an
/// environment cleared of AlertProbe settings plus the ones given: the real exit code, standard output and error.
/// </summary>
internal static class CliProcess
{
    /// <summary>
    /// Only a safety net against a hung process, never an assertion about speed: generous, because a
    /// <c>dotnet run</c> build check on a busy 2-core machine was seen to take 8 minutes.
    /// </summary>
    private static readonly TimeSpan Abandon = TimeSpan.FromMinutes(20);

    private static readonly string[] SettingPrefixes = ["ThousandEyes__", "Rules__", "Intake__", "FollowUp__", "TargetPolicy__", "RateBudget__", "KeyVault__", "NO_COLOR"];

    public static Task<CliInvocation> RunAsync(IReadOnlyDictionary<string, string?>? environment, params string[] args) =>
        RunFileAsync(Muxer(), [CliAssembly(), .. args], environment);

    public static Task<CliInvocation> RunAsync(params string[] args) => RunAsync(null, args);

    /// <summary>Any program (e.g. <c>dotnet run</c>), from the repository root, with the same environment rules.</summary>
    public static async Task<CliInvocation> RunFileAsync(string fileName, IReadOnlyList<string> args, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = RepositoryRoot.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var key in start.Environment.Keys.Where(k => SettingPrefixes.Any(p => k.StartsWith(p, StringComparison.OrdinalIgnoreCase))).ToList())
        {
            start.Environment.Remove(key);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string?>())
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var abandon = new CancellationTokenSource(Abandon);
        try
        {
            await process.WaitForExitAsync(abandon.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {string.Join(' ', args)} had not ended after {Abandon}: {await error}");
        }

        return new CliInvocation(process.ExitCode, await output, await error);
    }

    /// <summary>The dotnet host running these tests (dotnet test sets DOTNET_HOST_PATH), else dotnet on the PATH.</summary>
    public static string Muxer() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    /// <summary>alertprobe.dll as built next to these tests (the project reference copies it with its runtime config).</summary>
    private static string CliAssembly()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "alertprobe.dll");
        Assert.True(File.Exists(path) && File.Exists(Path.ChangeExtension(path, ".runtimeconfig.json")), $"alertprobe.dll and its runtime config are not next to the tests ({AppContext.BaseDirectory})");
        return path;
    }
}
