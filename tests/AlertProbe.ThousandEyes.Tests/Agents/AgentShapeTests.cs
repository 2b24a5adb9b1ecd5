using System.Net;
using AlertProbe.ThousandEyes.Agents;
using AlertProbe.ThousandEyes.Tests.Fixtures;
using AlertProbe.ThousandEyes.Tests.Infrastructure;
using static AlertProbe.ThousandEyes.Tests.Infrastructure.CannedClient;

namespace AlertProbe.ThousandEyes.Tests.Agents;

public sealed class AgentShapeTests
{
    private static async Task<IReadOnlyList<ThousandEyesAgent>> AgentsAsync(ThousandEyesApiVersion version, string body)
    {
        var handler = new CannedHandler((_, _) => CannedHandler.Json(HttpStatusCode.OK, body, version == ThousandEyesApiVersion.V7 ? "application/hal+json" : "application/json"));
        var result = await Create(handler, version).GetAgentsAsync();
        Assert.True(result.IsSuccess, result.Error?.Message);
        return result.Value!;
    }

    [Theory]
    [InlineData(ThousandEyesApiVersion.V7, RealShapes.V7Agents)]
    [InlineData(ThousandEyesApiVersion.V6, RealShapes.V6Agents)]
    public async Task A_cloud_agent_without_state_or_flag_is_enabled_and_typed_cloud(ThousandEyesApiVersion version, string body)
    {
        var cloud = (await AgentsAsync(version, body))[0];

        Assert.Equal(("4410", "Lyon, France", "cloud", "FR", "Lyon Area", true, (string?)null),
            (cloud.Id, cloud.Name, cloud.Type, cloud.CountryId, cloud.Location, cloud.Enabled, cloud.State));
    }

    [Theory]
    [InlineData(ThousandEyesApiVersion.V7, RealShapes.V7Agents)]
    [InlineData(ThousandEyesApiVersion.V6, RealShapes.V6Agents)]
    public async Task A_disabled_offline_cluster_keeps_its_type_flag_state_and_label_names(ThousandEyesApiVersion version, string body)
    {
        var cluster = (await AgentsAsync(version, body))[1];

        Assert.Equal(("9021", "enterprise-cluster", false, "offline", "Nordics"),
            (cluster.Id, cluster.Type, cluster.Enabled, cluster.State, cluster.Labels.Single()));
    }
}
