using AlertProbe.Functions.Hosting;
using AlertProbe.ThousandEyes.Errors;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace AlertProbe.Functions.Tests.Hosting;

/// <summary>
/// The app's registrations put the one redactor in front of every logging provider (Application Insights, the
/// Functions host, any added later): a provider registered like theirs sees no secret.
/// </summary>
public sealed class LogRedactionTests
{
    private const string Token = "fn-log-token-Pw83Ld51";

    [Fact]
    public void Every_logging_provider_of_the_app_receives_redacted_text()
    {
        SecretRedactor.Remember(Token);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ThousandEyes:BaseUrl"] = "http://127.0.0.1:5080/",
            ["ThousandEyes:BearerToken"] = "activation-test-token",
            ["ServiceBus:fullyQualifiedNamespace"] = "sb-alertprobe-test.servicebus.windows.net",
            ["Ledger:ConnectionString"] = "UseDevelopmentStorage=true",
        }).Build();
        var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration);
        services.AddAlertProbeFunctions(configuration);
        services.AddFakeLogging();
        using var provider = services.BuildServiceProvider();

#pragma warning disable CA1848, CA2254 // A library-style log line, as a dependency would write it.
        provider.GetRequiredService<ILogger<LogRedactionTests>>().LogWarning(
            new HttpRequestException($"401: {{\"authorization\":\"Bearer {Token}\"}}"), $"retrying with token={Token}");
#pragma warning restore CA1848, CA2254

        var record = Assert.Single(provider.GetFakeLogCollector().GetSnapshot());
        Assert.DoesNotContain(Token, record.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, record.Exception!.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Token, record.Exception.Message, StringComparison.Ordinal);
    }
}
