using System.Net;
using AlertProbe.ThousandEyes;
using AlertProbe.ThousandEyes.Authentication;
using AlertProbe.ThousandEyes.DependencyInjection;
using AlertProbe.ThousandEyes.Http;
using AlertProbe.ThousandEyes.Tests.Infrastructure;
using AlertProbe.Testing.Simulator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Testing;

namespace AlertProbe.ThousandEyes.Tests.Http;

/// <summary>The credential is the pipeline's job, not each client method's.</summary>
public sealed class CredentialHandlerTests
{
    [Fact]
    public async Task A_request_sent_through_the_registered_named_client_carries_the_credential()
    {
        // The simulator answers 401 to a request without the configured token, so a pipeline that does not apply
        // it (the client used to, inside its methods) fails here.
        await using var simulator = await SimulatorFixture.StartAsync();
        await using var host = ClientHost.Create(simulator.BaseAddress, ThousandEyesApiVersion.V7, simulator.Time);
        var http = host.Provider.GetRequiredService<IHttpClientFactory>().CreateClient(ThousandEyesServiceCollectionExtensions.HttpClientName);

        using var response = await http.GetAsync(new Uri("v7/agents", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_401_rereads_the_credential_once_bypassing_the_cache_and_resends_with_it()
    {
        var source = new SequenceSource("first-token", "second-token");
        var inner = new CannedHandler((_, n) => new HttpResponseMessage(n == 1 ? HttpStatusCode.Unauthorized : HttpStatusCode.OK));
        using var invoker = new HttpMessageInvoker(new CredentialHandler(source, new FakeLogger<ThousandEyesClient>()) { InnerHandler = inner });

        using var response = await invoker.SendAsync(new HttpRequestMessage(HttpMethod.Get, "https://api.thousandeyes.test/v7/agents"), CancellationToken.None);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["Bearer first-token", "Bearer second-token"], inner.Requests.Select(r => r.Authorization));
        Assert.Equal([false, true], source.Refreshes);
    }

    [Fact]
    public async Task A_second_401_is_the_answer_without_a_third_send()
    {
        var source = new SequenceSource("first-token", "second-token", "third-token");
        var inner = new CannedHandler((_, _) => new HttpResponseMessage(HttpStatusCode.Unauthorized));
        using var invoker = new HttpMessageInvoker(new CredentialHandler(source, new FakeLogger<ThousandEyesClient>()) { InnerHandler = inner });

        using var response = await invoker.SendAsync(new HttpRequestMessage(HttpMethod.Get, "https://api.thousandeyes.test/v7/agents"), CancellationToken.None);

        Assert.Equal((HttpStatusCode.Unauthorized, 2), (response.StatusCode, inner.Requests.Count));
    }

    [Fact]
    public async Task A_source_that_cannot_give_a_credential_sends_nothing_and_the_client_reports_it()
    {
        var inner = new CannedHandler((_, _) => new HttpResponseMessage(HttpStatusCode.OK));
        var client = CannedClient.Create(inner, ThousandEyesApiVersion.V7, token: null);

        var result = await client.GetAgentsAsync();

        Assert.IsType<AlertProbe.ThousandEyes.Errors.CredentialsUnavailableError>(result.Error);
        Assert.Empty(inner.Requests);
    }

    /// <summary>Hands out the given tokens in order, recording whether each read was a forced refresh.</summary>
    private sealed class SequenceSource(params string[] tokens) : ThousandEyesCredentialSource
    {
        public List<bool> Refreshes { get; } = [];

        public override ValueTask<ThousandEyesCredential> GetCredentialAsync(bool forceRefresh, CancellationToken cancellationToken)
        {
            Refreshes.Add(forceRefresh);
            return ValueTask.FromResult(ThousandEyesCredential.Bearer(tokens[Refreshes.Count - 1]));
        }
    }
}
