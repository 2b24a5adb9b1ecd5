using AlertProbe.Functions.Hosting;
using AlertProbe.Functions.Tests.Build;

namespace AlertProbe.Functions.Tests.Metadata;

/// <summary>
/// Deferred binding on the Service Bus triggers, and how a test knows which build it is looking at.
/// Fact (Azure/azure-functions-dotnet-worker, Worker.Extensions.ServiceBus): the real trigger attribute carries
/// input converters, so the Worker SDK writes "properties": {"supportsDeferredBinding": "True"} on its binding
/// and the host passes the raw AMQP message; the stand-in has no converters, so its metadata lacks it.
/// </summary>
public sealed class ServiceBusTriggerMetadataTests
{
    private const string Project = "src/AlertProbe.Functions/AlertProbe.Functions.csproj";

    public static TheoryData<string, string> ServiceBusTriggers() => new()
    {
        { "AlertIntake", "message" },
        { "CollectResults", "message" },
        { "RerunTests", "message" },
    };

    [Theory]
    [MemberData(nameof(ServiceBusTriggers))]
    public void Service_bus_trigger_supports_deferred_binding_exactly_when_built_with_the_real_package(string function, string binding)
    {
        var trigger = FunctionsMetadata.Binding(function, binding);
        Assert.Equal("serviceBusTrigger", (string?)trigger["type"]);
        var deferred = (string?)trigger["properties"]?["supportsDeferredBinding"];

        if (ServiceBusExtensionBuild.IsStandIn)
        {
            // What a stand-in build is: no converters, so no deferred binding (and no extension for the host).
            Assert.Null(deferred);
        }
        else
        {
            Assert.Equal("True", deferred);
        }
    }

    [Fact]
    public void App_declares_no_service_bus_trigger_beyond_the_three_known()
    {
        var metadata = File.ReadAllText(FunctionsMetadata.Path);
        var count = System.Text.RegularExpressions.Regex.Count(metadata, "\"serviceBusTrigger\"");

        Assert.Equal(ServiceBusTriggers().Count, count);
    }

    [Fact]
    public void Build_record_agrees_with_the_service_bus_assembly_actually_loaded()
    {
        var loadedIsStandIn = ServiceBusStandInGuard.IsStandIn(ServiceBusStandInGuard.ServiceBusExtensionAssembly);

        Assert.True(
            loadedIsStandIn == ServiceBusExtensionBuild.IsStandIn,
            $"The build recorded '{ServiceBusExtensionBuild.Kind}' but the loaded {ServiceBusStandInGuard.ServiceBusExtensionAssembly.GetName().Name} is {(loadedIsStandIn ? "" : "not ")}the stand-in.");
    }

    [Theory]
    [InlineData("true", ServiceBusExtensionBuild.StandIn)]
    [InlineData("false", ServiceBusExtensionBuild.Package)]
    public async Task Build_records_which_service_bus_extension_it_compiles_against(string useStandIn, string recorded)
    {
        var run = await DotnetCli.RunAsync("msbuild", Project, "-getItem:AssemblyAttribute", $"-p:UseServiceBusStandIn={useStandIn}");

        Assert.True(run.ExitCode == 0, run.Output);
        var attributes = System.Text.Json.Nodes.JsonNode.Parse(run.StandardOutput)!["Items"]!["AssemblyAttribute"]!.AsArray();
        var record = attributes.SingleOrDefault(item => (string?)item!["_Parameter1"] == "AlertProbe.ServiceBusExtension");
        Assert.True(record is not null, "AlertProbe.Functions declares no AlertProbe.ServiceBusExtension assembly metadata.");
        Assert.Equal(recorded, (string?)record!["_Parameter2"]);
    }
}
