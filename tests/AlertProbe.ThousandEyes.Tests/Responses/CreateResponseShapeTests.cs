using System.Net;
using AlertProbe.ThousandEyes.Requests;
using AlertProbe.ThousandEyes.Results;
using AlertProbe.ThousandEyes.Tests.Fixtures;
using AlertProbe.ThousandEyes.Tests.Infrastructure;
using static AlertProbe.ThousandEyes.Tests.Infrastructure.CannedClient;

namespace AlertProbe.ThousandEyes.Tests.Responses;

public sealed class CreateResponseShapeTests
{
    private static readonly InstantTestRequest HttpServer = InstantTestSamples.Request(InstantTestType.HttpServer);

    private static async Task<AlertProbe.ThousandEyes.Responses.CreatedInstantTest> CreateAsync(ThousandEyesApiVersion version, string body, string mediaType)
    {
        var handler = new CannedHandler((_, _) => CannedHandler.Json(HttpStatusCode.Created, body, mediaType));
        var result = await Create(handler, version).CreateInstantTestAsync(HttpServer);
        Assert.True(result.IsSuccess, result.Error?.Message);
        return result.Value!;
    }

    [Fact]
    public async Task A_v7_create_response_gives_the_string_id_name_type_and_iso_created_date()
    {
        var created = (await CreateAsync(ThousandEyesApiVersion.V7, RealShapes.V7Created, "application/hal+json"));

        Assert.Equal(("7301946", "probe-checkout-http", InstantTestType.HttpServer, new DateTimeOffset(2025, 1, 15, 11, 59, 58, TimeSpan.Zero)),
            (created.TestId, created.TestName, created.Type, created.CreatedDate));
    }

    [Fact]
    public async Task A_v7_create_response_gives_every_testResults_link_with_its_family()
    {
        var created = (await CreateAsync(ThousandEyesApiVersion.V7, RealShapes.V7Created, "application/hal+json"));

        Assert.Equal([TestResultFamily.HttpServer, TestResultFamily.Network, TestResultFamily.PathVis], created.ResultLinks.Select(link => link.Family));
    }

    [Fact]
    public async Task A_v7_create_response_gives_the_nested_agents_by_id_and_name()
    {
        var created = (await CreateAsync(ThousandEyesApiVersion.V7, RealShapes.V7Created, "application/hal+json"));

        Assert.Equal([("4410", "Lyon, France"), ("9021", "branch-oslo-02")], created.Agents.Select(agent => (agent.AgentId, agent.AgentName)));
    }

    [Fact]
    public async Task A_v6_create_response_gives_the_integer_id_as_text_and_the_space_separated_date_as_utc()
    {
        var created = (await CreateAsync(ThousandEyesApiVersion.V6, RealShapes.V6Created, "application/json"));

        Assert.Equal(("55120", new DateTimeOffset(2025, 1, 15, 11, 59, 58, TimeSpan.Zero), "4410"),
            (created.TestId, created.CreatedDate, created.Agents.Single().AgentId));
    }

    [Fact]
    public async Task A_v6_create_response_gives_only_the_data_links_not_self()
    {
        var created = (await CreateAsync(ThousandEyesApiVersion.V6, RealShapes.V6Created, "application/json"));

        Assert.Equal([TestResultFamily.HttpServer, TestResultFamily.Network, TestResultFamily.PathVis], created.ResultLinks.Select(link => link.Family));
    }

    // Source: v7 Instant Tests API, parameter Instant_Tests_API_ExpandInstantTest (agents listed only with expand=agent).
    [Fact]
    public async Task A_v7_create_asks_for_its_agents_with_expand_agent()
    {
        var handler = new CannedHandler((_, _) => CannedHandler.Json(HttpStatusCode.Created, RealShapes.V7Created, "application/hal+json"));

        await Create(handler, ThousandEyesApiVersion.V7).CreateInstantTestAsync(HttpServer);

        Assert.Contains("expand=agent", handler.Requests.Single().Uri.Query, StringComparison.Ordinal);
    }

    // The v6 instant API has no expand parameter (v6 docs, Instant Tests): nothing is added to its path.
    [Fact]
    public async Task A_v6_create_sends_no_expand_parameter()
    {
        var handler = new CannedHandler((_, _) => CannedHandler.Json(HttpStatusCode.Created, RealShapes.V6Created));

        await Create(handler, ThousandEyesApiVersion.V6).CreateInstantTestAsync(HttpServer);

        Assert.DoesNotContain("expand", handler.Requests.Single().Uri.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_create_response_listing_no_agents_falls_back_to_the_agents_asked_for()
    {
        var unexpanded = System.Text.Json.Nodes.JsonNode.Parse(RealShapes.V7Created)!.AsObject();
        unexpanded.Remove("agents");

        var created = await CreateAsync(ThousandEyesApiVersion.V7, unexpanded.ToJsonString(), "application/hal+json");

        Assert.Equal(HttpServer.Agents.Select(agent => agent.AgentId), created.Agents.Select(agent => agent.AgentId));
    }
}
