using System.Net;
using System.Text;
using AlertProbe.Simulator.Tests.Support;
using AlertProbe.Testing.Simulator;

namespace AlertProbe.Simulator.Tests;

/// <summary>HTTP-level answers a real ThousandEyes endpoint gives to requests the client never sends.</summary>
public sealed class ProtocolTests
{
    [Theory]
    [InlineData("GET", "v7/tests/http-server/instant", "POST")]
    [InlineData("DELETE", "v7/agents", "GET")]
    [InlineData("GET", "v7/tests/1234/run", "POST")]
    [InlineData("PUT", "v7/test-results/1234/network", "GET")]
    [InlineData("GET", "v6/instant/http-server", "POST")]
    [InlineData("POST", "v6/agents", "GET")]
    [InlineData("GET", "v6/instant/1234/rerun", "POST")]
    public async Task A_known_path_called_with_the_wrong_method_answers_405_with_the_allowed_method(string method, string path, string allowed)
    {
        await using var sim = await SimulatorFixture.StartAsync();
        using var client = sim.CreateClient();

        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        Assert.Equal((HttpStatusCode.MethodNotAllowed, allowed), (response.StatusCode, string.Join(",", response.Content.Headers.Allow)));
    }

    [Theory]
    [InlineData("v7", "application/problem+json", "detail")]
    [InlineData("v6", "application/json", "errorMessage")]
    public async Task A_405_body_has_the_versions_error_shape(string version, string mediaType, string messageField)
    {
        await using var sim = await SimulatorFixture.StartAsync();
        using var client = sim.CreateClient();

        var response = await Calls.GetAsync(client, Samples.CreatePath(version, "http-server"));

        Assert.Equal((mediaType, true), (response.MediaType, response.Json[messageField] is not null));
    }

    [Fact]
    public async Task An_unknown_path_still_answers_404()
    {
        await using var sim = await SimulatorFixture.StartAsync();
        using var client = sim.CreateClient();

        var response = await Calls.GetAsync(client, "v7/no-such-resource");

        Assert.Equal(HttpStatusCode.NotFound, response.Status);
    }

    [Theory]
    [InlineData("v7", "text/plain")]
    [InlineData("v7", "application/x-www-form-urlencoded")]
    [InlineData("v6", "text/plain")]
    public async Task A_create_whose_body_is_not_declared_json_answers_415_and_creates_nothing(string version, string contentType)
    {
        await using var sim = await SimulatorFixture.StartAsync();
        using var client = sim.CreateClient();
        using var content = new StringContent(Samples.Body(version, "http-server").ToJsonString(), Encoding.UTF8, contentType);

        using var response = await client.PostAsync(Samples.CreatePath(version, "http-server"), content);

        Assert.Equal((HttpStatusCode.UnsupportedMediaType, 0), (response.StatusCode, sim.State.CreatedTests.Count));
    }

    [Fact]
    public async Task A_create_declared_as_json_with_a_charset_is_accepted()
    {
        await using var sim = await SimulatorFixture.StartAsync();
        using var client = sim.CreateClient();
        using var content = new StringContent(Samples.Body("v7", "http-server").ToJsonString(), Encoding.UTF8, "application/json");
        content.Headers.ContentType!.CharSet = "utf-8";

        using var response = await client.PostAsync(Samples.CreatePath("v7", "http-server"), content);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }
}
