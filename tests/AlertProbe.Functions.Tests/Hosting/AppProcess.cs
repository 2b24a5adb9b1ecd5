using System.Diagnostics;
using AlertProbe.Functions.Tests.Build;

namespace AlertProbe.Functions.Tests.Hosting;

/// <summary>
/// Starts the built Functions app (`dotnet AlertProbe.Functions.dll`) as a child process and waits for it to exit.
/// Without a host to connect to, an app that does not refuse may wait: it is stopped after the timeout and the
/// run reports exit code -1 with what it printed so far.
/// </summary>
internal static class AppProcess
{
    // Not a performance expectation: the refusal comes before any host connection, within a second or two.
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    public static async Task<DotnetRun> RunAsync(string appPath, IReadOnlyDictionary<string, string> environment)
    {
        var startInfo = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(appPath)!,
        };
        startInfo.ArgumentList.Add(appPath);
        foreach (var inherited in new[] { "WEBSITE_INSTANCE_ID", "WEBSITE_SITE_NAME", "FUNCTIONS_WORKER_RUNTIME" })
        {
            startInfo.Environment.Remove(inherited);
        }

        foreach (var (name, value) in environment)
        {
            startInfo.Environment[name] = value;
        }

        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException("Could not start dotnet.");
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
            await process.WaitForExitAsync(CancellationToken.None);
            return new DotnetRun(-1, await standardOutput, await standardError);
        }

        return new DotnetRun(process.ExitCode, await standardOutput, await standardError);
    }
}
