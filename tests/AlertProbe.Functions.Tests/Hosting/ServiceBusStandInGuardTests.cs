using System.Reflection;
using System.Reflection.Emit;
using AlertProbe.Functions.Hosting;
using AlertProbe.Functions.Tests.Metadata;

namespace AlertProbe.Functions.Tests.Hosting;

/// <summary>The start-up refusal of a stand-in build under a Functions host (Program.cs, ServiceBusStandInGuard).</summary>
public sealed class ServiceBusStandInGuardTests
{
    private static readonly Assembly StandIn = Emit("Fake.ServiceBus.StandIn", standIn: true);
    private static readonly Assembly RealPackage = Emit("Fake.ServiceBus.Package", standIn: false);

    [Theory]
    [InlineData("WEBSITE_INSTANCE_ID")]
    [InlineData("WEBSITE_SITE_NAME")]
    [InlineData("FUNCTIONS_WORKER_RUNTIME")]
    public void Stand_in_build_refuses_to_start_under_a_functions_host(string hostVariable)
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            ServiceBusStandInGuard.ThrowIfStandInUnderFunctionsHost(StandIn, Environment((hostVariable, "value"))));

        Assert.Contains("compile-only Service Bus extension stand-in", error.Message, StringComparison.Ordinal);
        Assert.Contains($"{hostVariable} is set", error.Message, StringComparison.Ordinal);
        Assert.Contains("dotnet publish", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Stand_in_build_starts_outside_a_functions_host()
    {
        // Tests and the CLI host load the same assembly without a Functions host.
        ServiceBusStandInGuard.ThrowIfStandInUnderFunctionsHost(StandIn, Environment(("WEBSITE_INSTANCE_ID", "")));
    }

    [Fact]
    public void Real_package_build_starts_under_a_functions_host()
    {
        ServiceBusStandInGuard.ThrowIfStandInUnderFunctionsHost(
            RealPackage, Environment(("WEBSITE_INSTANCE_ID", "abc"), ("FUNCTIONS_WORKER_RUNTIME", "dotnet-isolated")));
    }

    [Fact]
    public void Stand_in_is_told_apart_by_its_marker()
    {
        Assert.True(ServiceBusStandInGuard.IsStandIn(StandIn));
        Assert.False(ServiceBusStandInGuard.IsStandIn(RealPackage));
    }

    [Fact]
    public async Task Built_app_exits_at_start_up_with_the_reason_when_it_carries_the_stand_in_under_a_functions_host()
    {
        // The app as built, started as the host would start it (WEBSITE_INSTANCE_ID set): Program.cs runs the guard first.
        var app = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(FunctionsMetadata.Path)!, "AlertProbe.Functions.dll");
        Assert.True(File.Exists(app), $"The built app is not at {app}.");

        var run = await AppProcess.RunAsync(app, new Dictionary<string, string> { ["WEBSITE_INSTANCE_ID"] = "guard-test" });

        if (ServiceBusExtensionBuild.IsStandIn)
        {
            Assert.NotEqual(0, run.ExitCode);
            Assert.Contains("AlertProbe.Functions refuses to start", run.Output, StringComparison.Ordinal);
        }
        else
        {
            Assert.DoesNotContain("AlertProbe.Functions refuses to start", run.Output, StringComparison.Ordinal);
        }
    }

    private static Func<string, string?> Environment(params (string Name, string Value)[] variables) =>
        name => variables.FirstOrDefault(variable => variable.Name == name).Value;

    private static AssemblyBuilder Emit(string name, bool standIn)
    {
        var attributes = standIn
            ? new[]
            {
                new CustomAttributeBuilder(
                    typeof(AssemblyMetadataAttribute).GetConstructor([typeof(string), typeof(string)])!,
                    [ServiceBusStandInGuard.StandInMarker, "true"]),
            }
            : [];
        return AssemblyBuilder.DefineDynamicAssembly(new AssemblyName(name), AssemblyBuilderAccess.Run, attributes);
    }
}
