using System.Net;
using AlertProbe.ThousandEyes.Tests.Infrastructure;
using static AlertProbe.ThousandEyes.Tests.Infrastructure.CannedClient;

namespace AlertProbe.ThousandEyes.Tests.Results;

/// <summary>
/// The per-agent, per-round path trace: v7 <c>GET /test-results/{testId}/path-vis/agent/{agentId}/round/{roundId}</c>
/// (OpenAPI 7.0.85, operation getTestPathVisAgentRoundResults), v6 <c>GET /net/path-vis/{testId}/{agentId}/{roundId}</c>
/// (v6 docs "(Network) Detailed path trace", body <c>{"net":{"pathVis":[{…,"routes":[…]}]}}</c>).
/// </summary>
public sealed class PathVisDetailTests
{
    [Theory]
    [InlineData(ThousandEyesApiVersion.V7, "/v7/test-results/817/path-vis/agent/146/round/1383887700",
        """{"results":[{"agent":{"agentId":"146"},"roundId":1383887700,"serverIp":"50.18.127.223","pathTraces":[{"pathId":"p","hops":[{"hop":4,"ipAddress":"154.54.84.53"}]}]}],"_links":{}}""")]
    [InlineData(ThousandEyesApiVersion.V6, "/v6/net/path-vis/817/146/1383887700",
        """{"net":{"test":{"testId":817},"pathVis":[{"agentId":146,"roundId":1383887700,"serverIp":"50.18.127.223","routes":[{"pathId":"p","hops":[{"hop":4,"ipAddress":"154.54.84.53"}]}]}]},"pages":{"current":1}}""")]
    public async Task The_detail_of_one_agent_and_round_is_read_from_the_versions_path(ThousandEyesApiVersion version, string path, string body)
    {
        var handler = new CannedHandler((_, _) => CannedHandler.Json(HttpStatusCode.OK, body, version == ThousandEyesApiVersion.V7 ? "application/hal+json" : "application/json"));

        var results = await Create(handler, version).GetPathVisDetailAsync("817", "146", 1383887700);

        Assert.Equal((path, "146", 1383887700L), (handler.Requests.Single().Uri.AbsolutePath, results.Value!.Rows.Single().AgentId, results.Value.Rows.Single().RoundId));
    }
}
