using AlertProbe.Functions.Health;
using AlertProbe.Functions.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AlertProbe.Functions.Tests.Health;

/// <summary>
/// Calls the health function the way the worker would: the app's real registrations
/// (<c>AddAlertProbeFunctions</c>) over in-memory configuration, and a GET request.
/// </summary>
internal static class HealthRequest
{
    /// <summary>A complete local configuration: simulator, token in configuration, namespace with identity, Azurite ledger.</summary>
    public static Dictionary<string, string?> ValidSettings() => new()
    {
        ["ThousandEyes:BaseUrl"] = "http://127.0.0.1:5080/",
        ["ThousandEyes:ApiVersion"] = "v7",
        ["ThousandEyes:BearerToken"] = "te-token-for-health-tests",
        ["ServiceBus:fullyQualifiedNamespace"] = "sb-alertprobe-test.servicebus.windows.net",
        ["ServiceBus:clientId"] = "00000000-0000-0000-0000-00000000c1d0",
        ["Ledger:ConnectionString"] = "UseDevelopmentStorage=true",
    };

    public static Dictionary<string, string?> ValidSettingsWith(params (string Key, string? Value)[] changes)
    {
        var settings = ValidSettings();
        foreach (var (key, value) in changes)
        {
            settings[key] = value;
        }

        return settings;
    }

    public static Task<HealthResponse> SendAsync(IDictionary<string, string?> settings) =>
        SendAsync(settings, (services, configuration) => services.AddAlertProbeFunctions(configuration));

    /// <summary>With the health checks alone: for states the features refuse at registration (no Service Bus).</summary>
    public static Task<HealthResponse> SendToHealthChecksOnlyAsync(IDictionary<string, string?> settings) =>
        SendAsync(settings, (services, configuration) => services.AddAlertProbeHealthChecks(configuration));

    private static async Task<HealthResponse> SendAsync(IDictionary<string, string?> settings, Action<IServiceCollection, IConfiguration> register)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(configuration);
        register(services, configuration);
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });

        var function = ActivatorUtilities.CreateInstance<HealthEndpoint>(provider);
        var context = new DefaultHttpContext { RequestServices = provider };
        context.Request.Method = HttpMethods.Get;
        context.Request.Path = "/api/health";

        var result = Assert.IsType<ContentResult>(await function.Run(context.Request, CancellationToken.None));
        return new HealthResponse(result.StatusCode ?? StatusCodes.Status200OK, result.Content ?? "", context.Response.Headers.CacheControl);
    }
}
