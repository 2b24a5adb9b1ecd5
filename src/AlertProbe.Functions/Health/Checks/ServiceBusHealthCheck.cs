using Azure.Messaging.ServiceBus;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AlertProbe.Functions.Health.Checks;

/// <summary>
/// The <c>ServiceBus</c> connection the triggers and publishers use, resolved in the Functions host's order: a
/// connection string (<c>ConnectionStrings:ServiceBus</c>, <c>ServiceBus</c>, <c>AzureWebJobsServiceBus</c>) wins
/// over <c>ServiceBus:fullyQualifiedNamespace</c> (identity). Reports the kind and namespace host only.
/// </summary>
internal sealed class ServiceBusHealthCheck(IConfiguration configuration) : IHealthCheck
{
    public const string ConnectionName = "ServiceBus";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var section = configuration.GetSection(ConnectionName);
        var connectionString = FirstNonEmpty(
            configuration.GetConnectionString(ConnectionName), section.Value, configuration["AzureWebJobs" + ConnectionName]);
        if (connectionString is not null)
        {
            return Task.FromResult(FromConnectionString(connectionString));
        }

        var fullyQualifiedNamespace = section["fullyQualifiedNamespace"];
        if (string.IsNullOrWhiteSpace(fullyQualifiedNamespace))
        {
            return Task.FromResult(HealthCheckResult.Unhealthy(
                "Service Bus is not configured: set ServiceBus__fullyQualifiedNamespace (managed identity) or a ServiceBus connection string.",
                data: new Dictionary<string, object> { ["configured"] = false }));
        }

        return Task.FromResult(HealthCheckResult.Healthy("Service Bus configured with an Azure identity.", new Dictionary<string, object>
        {
            ["configured"] = true,
            ["authentication"] = "identity",
            ["namespace"] = fullyQualifiedNamespace,
            ["identity"] = string.IsNullOrWhiteSpace(section["clientId"]) ? "default-credential" : "user-assigned",
        }));
    }

    private static HealthCheckResult FromConnectionString(string connectionString)
    {
        try
        {
            var endpoint = ServiceBusConnectionStringProperties.Parse(connectionString).Endpoint;
            return HealthCheckResult.Healthy("Service Bus configured with a connection string.", new Dictionary<string, object>
            {
                ["configured"] = true,
                ["authentication"] = "connection-string",
                ["namespace"] = endpoint?.Host ?? "",
            });
        }
        catch (Exception exception) when (exception is FormatException or ArgumentException or IndexOutOfRangeException)
        {
            // The parser's message may quote the string: say only that it is malformed.
            return HealthCheckResult.Unhealthy(
                "The ServiceBus connection string is malformed.",
                data: new Dictionary<string, object> { ["configured"] = true, ["authentication"] = "connection-string" });
        }
    }

    private static string? FirstNonEmpty(params string?[] values) => values.FirstOrDefault(value => !string.IsNullOrWhiteSpace(value));
}
