using System.Collections.Concurrent;
using System.Diagnostics;
using AlertProbe.Functions.Hosting;
using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OpenTelemetry;
using OpenTelemetry.Trace;
using AlertProbe.ThousandEyes;

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

    [Fact]
    public async Task The_thousandeyes_clients_operation_spans_are_traced()
    {
        var processor = new RecordingProcessor();
        var configuration = new ConfigurationBuilder().Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddAlertProbeOpenTelemetry(configuration);
        services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddProcessor(processor));
        await using var provider = services.BuildServiceProvider();
        _ = provider.GetRequiredService<TracerProvider>();
        var name = "ThousandEyes " + Guid.NewGuid().ToString("N");

        // A source of the client's name stands for the client's own: the SDK subscribes by source name.
        using (var source = new ActivitySource(ThousandEyesTelemetry.SourceName))
        {
            source.StartActivity(name)?.Stop();
        }

        Assert.Contains(name, processor.Ended);
    }

    private sealed class RecordingProcessor : BaseProcessor<Activity>
    {
        public ConcurrentBag<string> Ended { get; } = [];

        public override void OnEnd(Activity data) => Ended.Add(data.DisplayName);
    }
}
