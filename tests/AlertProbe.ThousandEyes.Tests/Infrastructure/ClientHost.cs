using AlertProbe.ThousandEyes;
using AlertProbe.ThousandEyes.DependencyInjection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace AlertProbe.ThousandEyes.Tests.Infrastructure;

/// <summary>
/// The client as an app gets it: <c>AddThousandEyesClient(configuration)</c> with the settings given, the
/// test's TimeProvider, and every log line captured.
/// </summary>
internal sealed class ClientHost : IAsyncDisposable
{
    private ClientHost(ServiceProvider provider)
    {
        Provider = provider;
        Logs = provider.GetFakeLogCollector();
    }

    public ServiceProvider Provider { get; }

    public FakeLogCollector Logs { get; }

    public ThousandEyesClient Client => Provider.GetRequiredService<ThousandEyesClient>();

    public static ClientHost Create(
        Uri baseAddress,
        ThousandEyesApiVersion version,
        TimeProvider time,
        IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["ThousandEyes:BaseUrl"] = baseAddress.ToString(),
            ["ThousandEyes:ApiVersion"] = version == ThousandEyesApiVersion.V6 ? "v6" : "v7",
            ["ThousandEyes:BearerToken"] = "simulator-token",
            ["ThousandEyes:MaxRetryAttempts"] = "2",
            ["ThousandEyes:RetryBaseDelay"] = "00:00:00",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var collection = new ServiceCollection();
        collection.AddLogging(logging => logging.AddFakeLogging().SetMinimumLevel(LogLevel.Trace));
        collection.AddSingleton(time);
        services?.Invoke(collection);
        collection.AddThousandEyesClient(configuration);
        return new ClientHost(collection.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true }));
    }

    public ValueTask DisposeAsync() => Provider.DisposeAsync();
}
