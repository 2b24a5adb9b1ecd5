using System.Reflection;
using Microsoft.Azure.Functions.Worker;

namespace AlertProbe.Functions.Hosting;

/// <summary>
/// Refuses to start a build that carries the compile-only Service Bus extension stand-in under a Functions
/// host. Such a build has no Service Bus extension for the host to load and triggers without deferred binding:
/// it would start, look healthy, and never receive a message. The publish guard in the project file stops
/// `dotnet publish` (and azd); this catches every other way of shipping build output (a copied bin folder).
/// </summary>
public static class ServiceBusStandInGuard
{
    /// <summary>Assembly metadata key of the stand-in (src/ServiceBusExtensionStandIn); the real package has none.</summary>
    public const string StandInMarker = "AlertProbe.CompileOnlyStandIn";

    // Set by the Functions host and App Service (every plan, Flex Consumption included) for the worker process.
    // Which of them Flex sets cannot be checked from this machine, so any one of them counts: the stand-in cannot
    // run under any Functions host, local `func start` included, so refusing on any is never wrong.
    private static readonly string[] HostVariables = ["WEBSITE_INSTANCE_ID", "WEBSITE_SITE_NAME", "FUNCTIONS_WORKER_RUNTIME"];

    /// <summary>The assembly that defines the Service Bus trigger attribute this app was compiled against.</summary>
    public static Assembly ServiceBusExtensionAssembly => typeof(ServiceBusTriggerAttribute).Assembly;

    public static bool IsStandIn(Assembly serviceBusExtension)
    {
        ArgumentNullException.ThrowIfNull(serviceBusExtension);
        return serviceBusExtension.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Any(attribute => attribute.Key == StandInMarker && string.Equals(attribute.Value, "true", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Throws, naming the cause and the fix, when the stand-in is loaded under a Functions host.</summary>
    public static void ThrowIfStandInUnderFunctionsHost(Assembly serviceBusExtension, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (!IsStandIn(serviceBusExtension))
        {
            return;
        }

        var hostVariable = HostVariables.FirstOrDefault(name => !string.IsNullOrEmpty(environment(name)));
        if (hostVariable is null)
        {
            return;
        }

        throw new InvalidOperationException(
            $"AlertProbe.Functions refuses to start: it was built against the compile-only Service Bus extension stand-in " +
            $"({serviceBusExtension.GetName().Name}) and is running under a Functions host ({hostVariable} is set). The host " +
            "cannot load a Service Bus extension from it, so no queue or subscription trigger would ever fire. Deploy the " +
            "output of `dotnet publish` (or `azd deploy`), which compiles against the real " +
            "Microsoft.Azure.Functions.Worker.Extensions.ServiceBus package; never copy the output of a plain `dotnet build`.");
    }
}
