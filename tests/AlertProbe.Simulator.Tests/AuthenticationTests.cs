using System.Net;
using System.Net.Http.Headers;
using System.Text;
using AlertProbe.Simulator.Tests.Support;
using AlertProbe.Testing.Simulator;

namespace AlertProbe.Simulator.Tests;

public sealed class AuthenticationTests
{
    [Theory]
    [InlineData("v6/agents", null)]
    [InlineData("v7/agents", null)]
    [InlineData("v6/agents", "Bearer wrong-token")]
    [InlineData("v7/agents", "Bearer wrong-token")]
    [InlineData("v7/agents", "Basic c2ltdWxhdG9yQGV4YW1wbGUuY29tOnNpbXVsYXRvci1iYXNpYy10b2tlbg==")]
    [InlineData("v6/agents", "Basic c2ltdWxhdG9yQGV4YW1wbGUuY29tOndyb25n")]
    public async Task Missing_or_wrong_credentials_answer_401(string path, string? authorization)
    {
        await using var sim = await SimulatorFixture.StartAsync();
        using var client = Calls.Client(sim.BaseAddress, authorization is null ? null : AuthenticationHeaderValue.Parse(authorization));

        var response = await Calls.GetAsync(client, path);

        Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
    }

    // Source: v7 OpenAPI, schemas Instant_Tests_API_UnauthorizedError / Agents_API_UnauthorizedError: {error, error_description}.
    [Fact]
    public async Task V7_401_is_oauth_style_not_problem_json()
    {
        await using var sim = await SimulatorFixture.StartAsync();
        using var client = Calls.Client(sim.BaseAddress, null);

        var response = await Calls.GetAsync(client, "v7/agents");

        Assert.Equal(["error", "error_description"], response.Json.AsObject().Select(pair => pair.Key));
        Assert.Equal("invalid_token", (string?)response.Json["error"]);
    }

    [Fact]
    public async Task V6_accepts_basic_auth_with_email_and_token()
    {
        await using var sim = await SimulatorFixture.StartAsync();
        var credentials = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{sim.Options.BasicAuthEmail}:{sim.Options.BasicAuthToken}"));
        using var client = Calls.Client(sim.BaseAddress, new AuthenticationHeaderValue("Basic", credentials));

        var response = await Calls.GetAsync(client, "v6/agents");

        Assert.Equal(HttpStatusCode.OK, response.Status);
    }

    [Fact]
    public async Task Rotated_bearer_token_rejects_the_old_one_and_accepts_the_new_one()
    {
        await using var sim = await SimulatorFixture.StartAsync();
        using var oldClient = sim.CreateClient();
        using var newClient = sim.CreateClient("rotated-token");

        sim.State.RotateBearerToken("rotated-token");

        Assert.Equal(HttpStatusCode.Unauthorized, (await Calls.GetAsync(oldClient, "v7/agents")).Status);
        Assert.Equal(HttpStatusCode.OK, (await Calls.GetAsync(newClient, "v7/agents")).Status);
    }

    [Theory]
    [InlineData("v6/agents?aid=9999")]
    [InlineData("v7/agents?aid=9999")]
    public async Task Account_group_the_user_is_not_in_answers_403(string path)
    {
        await using var sim = await SimulatorFixture.StartAsync();
        using var client = sim.CreateClient();

        var response = await Calls.GetAsync(client, path);

        Assert.Equal(HttpStatusCode.Forbidden, response.Status);
    }

    [Fact]
    public async Task Tests_belong_to_the_account_group_they_were_created_in()
    {
        await using var sim = await SimulatorFixture.StartAsync();
        using var client = sim.CreateClient();
        var created = await Calls.PostAsync(client, "v7/tests/http-server/instant?aid=5678", Samples.Body("v7", "http-server"));

        var inOtherGroup = await Calls.PostAsync(client, $"v7/tests/{created.TestId}/run");
        var inOwnGroup = await Calls.PostAsync(client, $"v7/tests/{created.TestId}/run?aid=5678");

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.OK), (inOtherGroup.Status, inOwnGroup.Status));
        Assert.All(created.ResultLinks, link => Assert.EndsWith("?aid=5678", link, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Recorded_requests_say_whether_authorization_was_sent_but_never_keep_it()
    {
        await using var sim = await SimulatorFixture.StartAsync();
        using var client = sim.CreateClient();
        using var anonymous = Calls.Client(sim.BaseAddress, null);

        await Calls.GetAsync(client, "v7/agents?agentTypes=cloud");
        await Calls.GetAsync(anonymous, "v6/agents");

        Assert.Collection(
            sim.State.ReceivedRequests,
            first => Assert.Equal(("GET", "/v7/agents?agentTypes=cloud", true), (first.Method, first.PathAndQuery, first.HasAuthorization)),
            second => Assert.Equal(("GET", "/v6/agents", false), (second.Method, second.PathAndQuery, second.HasAuthorization)));
        Assert.DoesNotContain(sim.State.ReceivedRequests, request => request.ToString().Contains(sim.Options.BearerToken, StringComparison.Ordinal));
    }
}
