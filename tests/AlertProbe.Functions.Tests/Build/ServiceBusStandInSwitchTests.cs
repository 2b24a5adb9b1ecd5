namespace AlertProbe.Functions.Tests.Build;

/// <summary>
/// The MSBuild switch in AlertProbe.Functions.csproj: build and test compile against the Service Bus stand-in,
/// publishing always takes the real package, and a publish that would ship the stand-in is refused.
/// </summary>
public sealed class ServiceBusStandInSwitchTests
{
    private const string Project = "src/AlertProbe.Functions/AlertProbe.Functions.csproj";

    [Fact]
    public async Task Publishing_selects_the_real_service_bus_package()
    {
        // `dotnet publish` sets _IsPublishing=true for its restore and build.
        var run = await DotnetCli.RunAsync("msbuild", Project, "-getProperty:UseServiceBusStandIn", "-p:_IsPublishing=true");

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Equal("false", run.StandardOutput.Trim());
    }

    [Fact]
    public async Task Build_and_test_select_the_stand_in()
    {
        var run = await DotnetCli.RunAsync("msbuild", Project, "-getProperty:UseServiceBusStandIn");

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Equal("true", run.StandardOutput.Trim());
    }

    [Fact]
    public async Task Publishing_a_stand_in_build_is_refused()
    {
        var run = await DotnetCli.RunAsync(
            "msbuild", Project, "-t:RefuseServiceBusStandInPublish", "-p:UseServiceBusStandIn=true", "-restore:false", "-nologo", "-v:q");

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("compile-only Service Bus extension stand-in", run.Output, StringComparison.Ordinal);
    }
}
