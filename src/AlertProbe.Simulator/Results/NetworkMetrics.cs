using System.Text.Json.Nodes;
using AlertProbe.Simulator.Catalog;
using AlertProbe.Simulator.State;

namespace AlertProbe.Simulator.Results;

/// <summary>
/// End-to-end network metrics and path traces, with the vendor's field names: v7 Test_Results_API_NetworkTestResult /
/// PathVisTestResult (pathTraces of PathTrace), v6 docs "End-to-end metrics" / "Path visualization" (endpoints).
/// Neither version's network row has an error text: a failure shows as loss.
/// </summary>
internal static class NetworkMetrics
{
    public static void Network(JsonObject result, ResultContext context)
    {
        var random = context.Random;
        result["server"] = context.Test.Target.Contains("://", StringComparison.Ordinal) ? $"{context.Host}:443" : context.Test.Target;
        if (context.Failure?.Kind == TargetFailureKind.DnsFailure)
        {
            result["loss"] = 100.0;
            return;
        }

        result["serverIp"] = context.ServerIp;
        if (context.Situation is { Kind: SituationKind.ProbesFiltered })
        {
            // A firewall drops the probes: every one is lost, so there is no latency to report.
            result["loss"] = 100.0;
            return;
        }

        var loss = context.Failure is { Kind: not TargetFailureKind.HttpStatus } failure ? failure.LossPercent : (random.NextDouble() < 0.85 ? 0.0 : 1.0);
        result["loss"] = loss;
        if (loss >= 100)
        {
            return;
        }

        var degraded = loss > 1 ? 1.6 : 1.0;
        var avg = context.RoundTripMs() * degraded;
        result["avgLatency"] = Math.Round(avg, 1);
        result["minLatency"] = Math.Round(avg * random.Between(0.85, 0.97), 1);
        result["maxLatency"] = Math.Round(avg * random.Between(1.05, 1.4) * degraded, 1);
        result["jitter"] = Math.Round(random.Between(0.1, 2.5) * degraded * degraded, 2);
    }

    public static void PathVis(JsonObject result, ResultContext context)
    {
        result["server"] = context.Host;
        if (context.Failure?.Kind != TargetFailureKind.DnsFailure)
        {
            result["serverIp"] = context.ServerIp;
        }

        result["sourceIp"] = context.Agent.IpAddress;
        result["sourcePrefix"] = PathModel.SourcePrefix(context);
        var route = PathModel.Route(context);
        var traces = new JsonArray();
        for (var trace = 0; trace < 3; trace++)
        {
            // Where each trace ended: the target when reached, else the last hop that answered.
            var end = route[^1];
            traces.Add(new JsonObject
            {
                ["pathId"] = PathId(context, trace),
                ["ipAddress"] = end.IpAddress,
                ["numberOfHops"] = end.Hop,
                ["responseTime"] = end.ResponseTime,
            });
        }

        result[context.Version == ApiVersion.V6 ? "endpoints" : "pathTraces"] = traces;
    }

    /// <summary>
    /// The hop-by-hop routes of the per-agent, per-round detail: v7 <c>pathTraces</c> of Test_Results_API_PathVisRoute
    /// (<c>pathId</c>, <c>hops</c> of PathVisHop), v6 <c>routes</c> (docs "(Network) Detailed path trace"), replacing the
    /// summary's trace list.
    /// </summary>
    public static void PathVisDetail(JsonObject result, ResultContext context)
    {
        PathVis(result, context);
        result.Remove("endpoints");
        var routes = new JsonArray();
        var hops = PathModel.Route(context);
        for (var trace = 0; trace < 3; trace++)
        {
            routes.Add(new JsonObject
            {
                ["pathId"] = PathId(context, trace),
                ["hops"] = new JsonArray([.. hops.Select(hop => (JsonNode)new JsonObject
                {
                    ["hop"] = hop.Hop,
                    ["ipAddress"] = hop.IpAddress,
                    ["prefix"] = hop.Prefix,
                    ["network"] = hop.Network,
                    ["responseTime"] = hop.ResponseTime,
                })]),
            });
        }

        result[context.Version == ApiVersion.V6 ? "routes" : "pathTraces"] = routes;
    }

    private static string PathId(ResultContext context, int trace) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{context.Test.TestId}{context.Round.RoundId}{context.Agent.AgentId}{trace}");
}
