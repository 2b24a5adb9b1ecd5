using System.Diagnostics;
using System.Reflection;

namespace AlertProbe.Functions.Tests.Build;

/// <summary>Runs <c>dotnet</c> as a child process in the repository (MSBuild evaluation only: no restore, no build).</summary>
internal static class DotnetCli
{
    // A guard against a hung process, not a performance expectation (an evaluation takes about two seconds).
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(3);

    // Set by `dotnet test` for its own MSBuild; a child `dotnet msbuild` must resolve its SDK afresh.
    private static readonly string[] InheritedMsBuildVariables = ["MSBuildExtensionsPath", "MSBUILD_EXE_PATH", "MSBuildSDKsPath", "MSBuildLoadMicrosoftTargetsReadOnly"];

    public static string RepositoryRoot { get; } = typeof(DotnetCli).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(attribute => attribute.Key == "RepositoryRoot").Value!;

    public static Task<DotnetRun> RunAsync(params string[] arguments) =>
        RunAsync(new Dictionary<string, string>(), DefaultTimeout, arguments);

    public static async Task<DotnetRun> RunAsync(IReadOnlyDictionary<string, string> environment, TimeSpan timeoutAfter, params string[] arguments)
    {
        var startInfo = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepositoryRoot,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var variable in InheritedMsBuildVariables)
        {
            startInfo.Environment.Remove(variable);
        }

        startInfo.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        startInfo.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        startInfo.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (name, value) in environment)
        {
            startInfo.Environment[name] = value;
        }

        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException("Could not start dotnet.");
        var standardOutput = process.StandardOutput.ReadToEndAsync();
        var standardError = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(timeoutAfter);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet {string.Join(' ', arguments)} did not finish within {timeoutAfter}.");
        }

        return new DotnetRun(process.ExitCode, await standardOutput, await standardError);
    }
}
