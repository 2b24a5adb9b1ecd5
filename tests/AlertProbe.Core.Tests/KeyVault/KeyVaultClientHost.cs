using AlertProbe.Core.KeyVault;
using AlertProbe.ThousandEyes;
using AlertProbe.ThousandEyes.Requests;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace AlertProbe.Core.Tests.KeyVault;

/// <summary>
/// The ThousandEyes client as the hosts register it (<c>AddThousandEyesClientWithKeyVault</c>), with the settings
/// given, the test's TimeProvider and every log line captured.
/// </summary>
internal sealed class KeyVaultClientHost : IAsyncDisposable
{
    private KeyVaultClientHost(ServiceProvider provider)
    {
        Provider = provider;
        Logs = provider.GetFakeLogCollector();
    }

    public ServiceProvider Provider { get; }

    public FakeLogCollector Logs { get; }

    public ThousandEyesClient Client => Provider.GetRequiredService<ThousandEyesClient>();

    public static KeyVaultClientHost Create(Uri baseAddress, TimeProvider time, IDictionary<string, string?> settings, Action<IServiceCollection>? services = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["ThousandEyes:BaseUrl"] = baseAddress.ToString(),
            ["ThousandEyes:ApiVersion"] = "v7",
            ["ThousandEyes:MaxRetryAttempts"] = "2",
            ["ThousandEyes:RetryBaseDelay"] = "00:00:00",
        };
        foreach (var (key, value) in settings)
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var collection = new ServiceCollection();
        collection.AddLogging(logging => logging.AddFakeLogging().SetMinimumLevel(LogLevel.Trace));
        collection.AddSingleton(time);
        services?.Invoke(collection);
        collection.AddThousandEyesClientWithKeyVault(configuration);
        return new KeyVaultClientHost(collection.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true }));
    }

    /// <summary>A valid request the simulator accepts (its cloud agent 113).</summary>
    public static InstantTestRequest Request(InstantTestType type) => new()
    {
        Type = type,
        Agents = [new InstantTestAgent("113")],
        Fields = type.Name == "dns-trace"
            ? new() { ["domain"] = "example.com A" }
            : new() { ["url"] = "https://example.com/health" },
    };

    public ValueTask DisposeAsync() => Provider.DisposeAsync();
}
