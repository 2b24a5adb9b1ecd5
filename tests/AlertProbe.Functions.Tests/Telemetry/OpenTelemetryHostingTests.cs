using AlertProbe.Functions.Hosting;
using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AlertProbe.Functions.Tests.Telemetry;

/// <summary>Azure Monitor receives the app's telemetry when, and only when, APPLICATIONINSIGHTS_CONNECTION_STRING is set.</summary>
public sealed class OpenTelemetryHostingTests
{
    // The shape of an Application Insights connection string (learn.microsoft.com, "Connection strings in Application
    // Insights"): InstrumentationKey and IngestionEndpoint; the key here is a made-up GUID.
    private const string ConnectionString = "InstrumentationKey=00000000-0000-0000-0000-000000000001;IngestionEndpoint=https://westeurope-5.in.applicationinsights.azure.com/";

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddAlertProbeOpenTelemetry(configuration);
        return services.BuildServiceProvider();
    }

    [Fact]
    public async Task With_a_connection_string_the_azure_monitor_exporter_is_configured_with_it()
    {
        await using var provider = Build(new() { [OpenTelemetryHosting.ConnectionStringSetting] = ConnectionString });

        var options = provider.GetRequiredService<IOptionsMonitor<AzureMonitorExporterOptions>>().Get(Options.DefaultName);
        Assert.Equal(ConnectionString, options.ConnectionString);
    }

    [Fact]
    public async Task Without_a_connection_string_nothing_is_exported_to_azure_monitor()
    {
        await using var provider = Build([]);

        Assert.Empty(provider.GetServices<IConfigureOptions<AzureMonitorExporterOptions>>());
    }
}
