using AlertProbe.Core.Diagnostics;
using AlertProbe.ThousandEyes;
using Azure.Identity;
using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace AlertProbe.Functions.Hosting;

/// <summary>
/// The Functions app's OpenTelemetry: the app's spans and metrics (<see cref="AlertProbeTelemetry.Name"/>), the
/// ThousandEyes client's operation spans (<see cref="ThousandEyesTelemetry.SourceName"/>) and the outgoing HTTP calls, exported to Azure Monitor when <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c> is set and nowhere
/// otherwise (spans are still made, so trace context still travels between functions).
/// </summary>
public static class OpenTelemetryHosting
{
    public const string ConnectionStringSetting = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    /// <summary><c>ClientId=&lt;id&gt;;Authorization=AAD</c>: export with the app's user-assigned identity (infra sets it).</summary>
    public const string AuthenticationStringSetting = "APPLICATIONINSIGHTS_AUTHENTICATION_STRING";

    /// <summary>Call after the feature registrations: it also instruments them (<see cref="TelemetryServiceCollectionExtensions.AddAlertProbeTelemetry"/>).</summary>
    public static IServiceCollection AddAlertProbeOpenTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddAlertProbeTelemetry();
        var thousandEyesHost = Uri.TryCreate(configuration[$"{ThousandEyesOptions.SectionName}:BaseUrl"], UriKind.Absolute, out var baseUrl) ? baseUrl.Host : null;
        var builder = services.AddOpenTelemetry()
            .UseFunctionsWorkerDefaults()
            .WithTracing(tracing => tracing
                .AddSource(AlertProbeTelemetry.Name)

                // One span per ThousandEyes client operation, parent of its HTTP spans (retries, pages, a 401 resend).
                .AddSource(ThousandEyesTelemetry.SourceName)
                .AddHttpClientInstrumentation(http => http.EnrichWithHttpRequestMessage = (activity, request) =>
                {
                    // Reply URLs are capabilities (Slack's path holds a token): only ThousandEyes calls keep their path.
                    if (request.RequestUri is { } uri && !string.Equals(uri.Host, thousandEyesHost, StringComparison.OrdinalIgnoreCase))
                    {
                        activity.SetTag("url.full", HttpSpanRedaction.HostOnly(uri));
                    }
                }))
            .WithMetrics(metrics => metrics.AddMeter(AlertProbeTelemetry.Name));

        var connectionString = configuration[ConnectionStringSetting];
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            var clientId = HttpSpanRedaction.ManagedIdentityClientId(configuration[AuthenticationStringSetting]);
            builder.UseAzureMonitorExporter(options =>
            {
                options.ConnectionString = connectionString;
                if (clientId is not null)
                {
                    options.Credential = new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId));
                }
            });
        }

        return services;
    }
}
