using System.Net;
using AlertProbe.ThousandEyes.Errors;
using AlertProbe.ThousandEyes.Http;
using AlertProbe.ThousandEyes.Results;
using AlertProbe.ThousandEyes.Tests.Infrastructure;
using static AlertProbe.ThousandEyes.Tests.Infrastructure.CannedClient;

namespace AlertProbe.ThousandEyes.Tests.Http;

/// <summary>
/// One pager for every listing. Next-page links as the vendor gives them: v7 HAL <c>_links.next.href</c> on agents and
/// results (v7 OpenAPI, <c>Test_Results_API_*TestResults</c> / agents list <c>_links</c>), v6 <c>pages.next</c> on
/// results (v6 Test Data pages, "pages": {"current", "next"}).
/// </summary>
public sealed class PagingTests
{
    private static string V7AgentPage(string id, string? next) => $$"""
        { "agents": [ { "agentId": "{{id}}", "agentName": "agent-{{id}}", "agentType": "cloud", "countryId": "FR", "enabled": true } ],
          "_links": { "self": { "href": "https://api.thousandeyes.test/v7/agents" }{{(next is null ? "" : $$""", "next": { "href": "{{next}}" }""")}} } }
        """;

    private static string V6ResultsPage(string agentId, string? next) => $$"""
        { "pages": { "current": 1{{(next is null ? "" : $", \"next\": \"{next}\"")}} },
          "net": { "test": { "testId": 55120 }, "metrics": [ { "agentId": {{agentId}}, "roundId": 1736942400 } ] } }
        """;

    [Fact]
    public async Task A_v7_agent_list_follows_its_next_link_and_joins_the_pages()
    {
        var handler = new CannedHandler((_, n) => CannedHandler.Json(
            HttpStatusCode.OK, n == 1 ? V7AgentPage("1", "https://api.thousandeyes.test/v7/agents?cursor=p2") : V7AgentPage("2", null), "application/hal+json"));

        var agents = await Create(handler, ThousandEyesApiVersion.V7).GetAgentsAsync();

        Assert.Equal(["1", "2"], agents.Value!.Select(agent => agent.Id));
        Assert.Equal("?cursor=p2", handler.Requests[1].Uri.Query);
    }

    [Fact]
    public async Task A_v7_agent_list_ends_at_a_next_link_to_another_host_without_sending_there()
    {
        var handler = new CannedHandler((_, _) => CannedHandler.Json(HttpStatusCode.OK, V7AgentPage("1", "https://elsewhere.example/v7/agents?cursor=p2"), "application/hal+json"));

        var agents = await Create(handler, ThousandEyesApiVersion.V7).GetAgentsAsync();

        Assert.Equal((1, 1), (agents.Value!.Count, handler.Requests.Count));
    }

    [Fact]
    public async Task V6_results_follow_pages_next_and_keep_the_account_group_on_it()
    {
        var handler = new CannedHandler((_, n) => CannedHandler.Json(
            HttpStatusCode.OK, n == 1 ? V6ResultsPage("4410", "https://api.thousandeyes.test/v6/net/metrics/55120?page=2") : V6ResultsPage("9021", null)));

        var results = await Create(handler, ThousandEyesApiVersion.V6, accountGroupId: "77").GetTestResultsAsync("55120", TestResultFamily.Network);

        Assert.Equal((2, false), (results.Value!.PagesFetched, results.Value.Truncated));
        Assert.Equal(["4410", "9021"], results.Value.Rows.Select(row => row.AgentId));
        Assert.Equal("?page=2&aid=77", handler.Requests[1].Uri.Query);
    }

    [Fact]
    public async Task A_results_next_link_to_another_host_is_an_unexpected_response_and_is_not_followed()
    {
        var handler = new CannedHandler((_, _) => CannedHandler.Json(HttpStatusCode.OK, V6ResultsPage("4410", "https://elsewhere.example/v6/net/metrics/55120?page=2")));

        var results = await Create(handler, ThousandEyesApiVersion.V6).GetTestResultsAsync("55120", TestResultFamily.Network);

        Assert.IsType<UnexpectedResponseError>(results.Error);
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task An_error_on_a_later_page_is_the_answer_and_ends_the_paging()
    {
        var handler = new CannedHandler((_, n) => n == 1
            ? CannedHandler.Json(HttpStatusCode.OK, V7AgentPage("1", "https://api.thousandeyes.test/v7/agents?cursor=p2"), "application/hal+json")
            : CannedHandler.Json(HttpStatusCode.InternalServerError, """{"status":500}"""));

        var agents = await Create(handler, ThousandEyesApiVersion.V7).GetAgentsAsync();

        Assert.IsType<TransientError>(agents.Error);
        Assert.Equal(2, handler.Requests.Count);
    }

    [Fact]
    public void A_list_parameter_keeps_its_commas_and_escapes_each_item()
    {
        var uri = new ApiQuery().Add("aid", "12 34").AddList("agentTypes", "cloud", "enterprise-cluster").Add("labels", "Data Centers,EU").Add("unset", null)
            .ToRelativeUri("v7/agents");

        Assert.Equal("v7/agents?aid=12%2034&agentTypes=cloud,enterprise-cluster&labels=Data%20Centers%2CEU", uri.OriginalString);
    }
}
