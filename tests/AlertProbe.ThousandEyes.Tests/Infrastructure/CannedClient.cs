using AlertProbe.ThousandEyes;
using AlertProbe.ThousandEyes.Agents;
using AlertProbe.ThousandEyes.Authentication;
using AlertProbe.ThousandEyes.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace AlertProbe.ThousandEyes.Tests.Infrastructure;

/// <summary>
/// A client over a <see cref="CannedHandler"/>: the credential handler of the registered pipeline (configuration
/// credentials), no rate-limit observer, no resilience handler.
/// </summary>
internal static class CannedClient
{
    public static readonly DateTimeOffset Now = new(2025, 1, 15, 12, 0, 0, TimeSpan.Zero);

    public static ThousandEyesClient Create(CannedHandler handler, ThousandEyesApiVersion version, FakeTimeProvider? time = null, string? accountGroupId = null, string? token = "canned-token")
    {
        var options = Options.Create(new ThousandEyesOptions { ApiVersion = version, AccountGroupId = accountGroupId });
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ThousandEyes:BearerToken"] = token })
            .Build();
        var logger = new FakeLogger<ThousandEyesClient>();
        var clock = time ?? new FakeTimeProvider(Now);
        var pipeline = new CredentialHandler(new ConfigurationCredentialSource(configuration, options), logger) { InnerHandler = handler };
        return new ThousandEyesClient(
            new HttpClient(pipeline) { BaseAddress = new Uri("https://api.thousandeyes.test/") },
            options,
            clock,
            new AgentListCache(clock),
            logger);
    }
}
