using System.Text.Json.Nodes;
using AlertProbe.Simulator.State;

namespace AlertProbe.Simulator.Results;

/// <summary>End-to-end network metrics and path traces.</summary>
internal static class NetworkMetrics
{
    public static void Network(JsonObject result, ResultContext context)
    {
        var random = context.Random;
        result["server"] = context.Test.Target.Contains("://", StringComparison.Ordinal) ? $"{context.Host}:443" : context.Test.Target;
        if (context.Failure?.Kind == TargetFailureKind.DnsFailure)
        {
            result["loss"] = 100.0;
            result["errorDetails"] = $"DNS resolution failed for {context.Host}";
            return;
        }

        result["serverIp"] = context.ServerIp;
        var loss = context.Failure is { Kind: not TargetFailureKind.HttpStatus } failure ? failure.LossPercent : (random.NextDouble() < 0.85 ? 0.0 : 1.0);
        result["loss"] = loss;
        if (loss >= 100)
        {
            result["errorDetails"] = context.Failure!.Kind == TargetFailureKind.ConnectionTimeout ? "Connection timed out" : "All packets lost";
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
        var random = context.Random;
        result["server"] = context.Host;
        if (context.Failure?.Kind != TargetFailureKind.DnsFailure)
        {
            result["serverIp"] = context.ServerIp;
        }

        var reached = !context.Unreachable;
        var hopCount = random.Between(6, 12);
        var traces = new JsonArray();
        for (var trace = 0; trace < 3; trace++)
        {
            var hops = new JsonArray();
            var shown = reached ? hopCount : hopCount / 2;
            for (var hop = 1; hop <= shown; hop++)
            {
                var last = reached && hop == shown;
                hops.Add(new JsonObject
                {
                    ["hop"] = hop,
                    ["ipAddress"] = last ? context.ServerIp : $"10.{hop}.{trace}.{random.Between(1, 254)}",
                    ["responseTime"] = Math.Round(context.RoundTripMs() * hop / shown, 1),
                });
            }

            traces.Add(new JsonObject { ["hops"] = hops, ["destinationReached"] = reached });
        }

        result["pathTraces"] = traces;
    }
}
