using System.Reflection;
using AlertProbe.Functions.Hosting;

namespace AlertProbe.Functions.Tests.Metadata;

/// <summary>
/// Which Service Bus extension the Functions app under test was compiled against, as the build recorded it in
/// the app's assembly metadata (AlertProbe.ServiceBusExtension, set by AlertProbe.Functions.csproj).
/// A stand-in build: compiled against src/ServiceBusExtensionStandIn (the default here, where the feed lacks the
/// real package); its functions.metadata has no deferred binding and the host would load no Service Bus extension.
/// A package build: compiled against Microsoft.Azure.Functions.Worker.Extensions.ServiceBus (every publish).
/// </summary>
internal static class ServiceBusExtensionBuild
{
    public const string StandIn = "stand-in";
    public const string Package = "package";

    public static string Kind { get; } = typeof(ServiceBusStandInGuard).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .SingleOrDefault(attribute => attribute.Key == "AlertProbe.ServiceBusExtension")?.Value
        ?? throw new InvalidOperationException("AlertProbe.Functions carries no AlertProbe.ServiceBusExtension metadata: the build no longer records which Service Bus extension it used.");

    public static bool IsStandIn => Kind == StandIn;
}
