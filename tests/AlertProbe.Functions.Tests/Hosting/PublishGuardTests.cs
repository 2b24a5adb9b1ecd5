using AlertProbe.Functions.Tests.Build;

namespace AlertProbe.Functions.Tests.Hosting;

/// <summary>
/// The deploy guard on the publish path, run for real: a plain Release build (the stand-in here) followed by
/// `dotnet publish --no-build` must stop with the project's own message instead of shipping the stand-in build.
/// Builds into a folder of its own (AP_ARTIFACTS), so it never touches the output other tests read.
/// </summary>
public sealed class PublishGuardTests : IDisposable
{
    private const string Project = "src/AlertProbe.Functions/AlertProbe.Functions.csproj";

    // A guard against a hung build, not a performance expectation: a cold Release build of the app and its
    // projects into an empty folder takes minutes on a shared build machine.
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(20);

    private readonly string _artifacts = Path.Combine(Path.GetTempPath(), "alertprobe-publish-guard-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Publish_without_build_after_a_plain_release_build_fails_with_the_projects_message()
    {
        var environment = new Dictionary<string, string> { ["AP_ARTIFACTS"] = _artifacts };
        var build = await DotnetCli.RunAsync(environment, BuildTimeout, "build", Project, "-c", "Release", "-nologo", "-v:q");
        Assert.True(build.ExitCode == 0, build.Output);

        var publish = await DotnetCli.RunAsync(environment, BuildTimeout, "publish", Project, "-c", "Release", "--no-build", "-nologo", "-v:q");

        Assert.NotEqual(0, publish.ExitCode);
        Assert.Contains("APSB002", publish.Output, StringComparison.Ordinal);
        Assert.Contains("compile-only Service Bus extension stand-in", publish.Output, StringComparison.Ordinal);
        Assert.False(
            Directory.Exists(Path.Combine(_artifacts, "publish", "AlertProbe.Functions")) &&
            Directory.EnumerateFiles(Path.Combine(_artifacts, "publish", "AlertProbe.Functions"), "AlertProbe.Functions.dll", SearchOption.AllDirectories).Any(),
            "The refused publish still wrote the app to the publish folder.");
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_artifacts, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
        catch (UnauthorizedAccessException)
        {
            // Likewise.
        }
    }
}
