using AlertProbe.ThousandEyes;
using AlertProbe.ThousandEyes.Authentication;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace AlertProbe.ThousandEyes.Tests.Infrastructure;

/// <summary>A client over a <see cref="CannedHandler"/> (no resilience handler), configuration credentials.</summary>
internal static class CannedClient
{
    public static readonly DateTimeOffset Now = new(2025, 1, 15, 12, 0, 0, TimeSpan.Zero);

    public static ThousandEyesClient Create(CannedHandler handler, ThousandEyesApiVersion version, FakeTimeProvider? time = null, string? accountGroupId = null)
    {
        var options = Options.Create(new ThousandEyesOptions { ApiVersion = version, AccountGroupId = accountGroupId });
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ThousandEyes:BearerToken"] = "canned-token" })
            .Build();
        return new ThousandEyesClient(
            new HttpClient(handler) { BaseAddress = new Uri("https://api.thousandeyes.test/") },
            new ConfigurationCredentialSource(configuration, options),
            options,
            time ?? new FakeTimeProvider(Now),
            new FakeLogger<ThousandEyesClient>());
    }
}
