using System.Diagnostics;
using AlertProbe.Infra.Tests.Bicep;

namespace AlertProbe.Infra.Tests.Hooks;

/// <summary>Runs one of the azd hook scripts under infra/hooks with sh, the way azd's posix hooks do.</summary>
internal static class HookScript
{
    // A guard against a hung process, not a performance expectation.
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(1);

    public static async Task<BicepRun> RunAsync(string script, FakeAzureCli az, IReadOnlyDictionary<string, string> environment)
    {
        var startInfo = new ProcessStartInfo("sh")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = BicepCli.RepositoryRoot,
        };
        startInfo.ArgumentList.Add(Path.Combine(BicepCli.RepositoryRoot, "infra", "hooks", script));
        startInfo.Environment["PATH"] = az.BinDirectory + Path.PathSeparator + "/usr/bin:/bin";
        startInfo.Environment["FAKE_AZ_STATE"] = az.StateDirectory;
        foreach (var inherited in new[] { "AZURE_SUBSCRIPTION_ID", "AZURE_RESOURCE_GROUP", "SERVICEBUS_NAMESPACE_NAME", "SERVICEBUS_FILTERED_SUBSCRIPTIONS", "ALERTPROBE_APP_SETTINGS" })
        {
            startInfo.Environment.Remove(inherited);
        }

        foreach (var (name, value) in environment)
        {
            startInfo.Environment[name] = value;
        }

        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException("Could not start sh.");
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
            throw new TimeoutException($"{script} did not finish within {Timeout}.");
        }

        return new BicepRun(process.ExitCode, await standardOutput, await standardError);
    }
}
