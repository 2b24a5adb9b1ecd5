using System.Net;
using AlertProbe.Core.FollowUp;
using AlertProbe.Core.FollowUp.Delivery;
using AlertProbe.Core.Tests.FollowUp.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AlertProbe.Core.Tests.FollowUp.Delivery;

/// <summary>
/// DNS rebinding: a reply host allowed by name is connected to only when every address it resolves to at send time
/// is allowed. The reply HttpClient is the app's registered one; the resolver seam answers as a rebinding DNS server
/// would, pointing the allowed name at the loopback receiver (127.0.0.1) or at internal addresses.
/// </summary>
public sealed class ReplyRebindingTests
{
    private const string AllowedHost = "hooks.rebind.example";

    public static TheoryData<string[], string> InternalAnswers => new()
    {
        { ["127.0.0.1"], "127.0.0.1 is a loopback address" },
        { ["10.1.2.3"], "10.1.2.3 is a private address" },
        { ["169.254.169.254"], "169.254.169.254 is a cloud metadata endpoint" },
        { ["::ffff:169.254.169.254"], "169.254.169.254" },
        { ["fd00::1"], "fd00::1 is a private address" },
        { ["203.0.113.10", "127.0.0.1"], "127.0.0.1 is a loopback address" },
    };

    [Theory]
    [MemberData(nameof(InternalAnswers))]
    public async Task An_allowed_reply_host_that_resolves_to_an_internal_address_is_not_connected_to(string[] answer, string reason)
    {
        await using var receiver = await ReplyReceiver.StartAsync();
        using var provider = Build(allowLoopback: false, (_, _) => Task.FromResult(answer.Select(IPAddress.Parse).ToArray()));
        using var http = provider.GetRequiredService<IHttpClientFactory>().CreateClient(FollowUpServiceCollectionExtensions.ReplyHttpClientName);

        var failure = await Assert.ThrowsAsync<HttpRequestException>(() => http.PostAsync(Rebound(receiver), new StringContent("{}"), CancellationToken.None));

        Assert.Contains($"'{AllowedHost}' resolves to", failure.Message, StringComparison.Ordinal);
        Assert.Contains(reason, failure.Message, StringComparison.Ordinal);
        Assert.Empty(receiver.Replies);
    }

    [Fact]
    public async Task The_loopback_receiver_of_a_test_is_reached_only_under_the_explicit_allowance()
    {
        await using var receiver = await ReplyReceiver.StartAsync();
        using var provider = Build(allowLoopback: true, (_, _) => Task.FromResult(new[] { IPAddress.Loopback }));
        using var http = provider.GetRequiredService<IHttpClientFactory>().CreateClient(FollowUpServiceCollectionExtensions.ReplyHttpClientName);

        using var response = await http.PostAsync(Rebound(receiver), new StringContent("{}"), CancellationToken.None);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(receiver.Replies);
    }

    [Fact]
    public async Task An_ip_literal_is_judged_without_resolving()
    {
        await using var receiver = await ReplyReceiver.StartAsync();
        var asked = new List<string>();
        using var provider = Build(allowLoopback: false, (host, _) =>
        {
            asked.Add(host);
            return Task.FromResult(Array.Empty<IPAddress>());
        });
        using var http = provider.GetRequiredService<IHttpClientFactory>().CreateClient(FollowUpServiceCollectionExtensions.ReplyHttpClientName);

        var failure = await Assert.ThrowsAsync<HttpRequestException>(() => http.PostAsync(receiver.Url(), new StringContent("{}"), CancellationToken.None));

        Assert.Contains("127.0.0.1 is a loopback address", failure.Message, StringComparison.Ordinal);
        Assert.Empty(asked);
        Assert.Empty(receiver.Replies);
    }

    /// <summary>The receiver's URL with its host replaced by the allowed name (the resolver decides where that goes).</summary>
    private static Uri Rebound(ReplyReceiver receiver) => new UriBuilder(receiver.Url()) { Host = AllowedHost }.Uri;

    private static ServiceProvider Build(bool allowLoopback, ReplyPolicyHostResolver resolver)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ReplyPolicy:AllowedHosts:0"] = AllowedHost,
            ["ReplyPolicy:AllowHttp"] = "true",
            ["ReplyPolicy:AllowLoopback"] = allowLoopback ? "true" : "false",
            ["ThousandEyes:BaseUrl"] = "http://127.0.0.1:9/",
            ["ThousandEyes:BearerToken"] = "rebinding-test-token",
            ["Messaging:Transport"] = "InMemory",
            ["Ledger:Kind"] = "InMemory",
            ["FollowUp:Delivery:HttpRetryAttempts"] = "0",
        }).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton(resolver);
        services.AddAlertProbeFollowUp(configuration);
        return services.BuildServiceProvider();
    }
}
