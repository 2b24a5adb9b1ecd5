using System.Text.Json.Nodes;
using AlertProbe.Simulator.Catalog;

namespace AlertProbe.Simulator.Results;

/// <summary>Dispatches a result family to the code that writes its metrics.</summary>
internal static class ResultMetrics
{
    public static void Write(ResultFamily family, JsonObject result, ResultContext context)
    {
        Action<JsonObject, ResultContext> writer = family.Name switch
        {
            "network" => NetworkMetrics.Network,
            "path-vis" => NetworkMetrics.PathVis,
            "http-server" => WebMetrics.HttpServer,
            "page-load" => WebMetrics.PageLoad,
            "web-transactions" => WebMetrics.WebTransaction,
            "transactions" => WebMetrics.Transaction,
            "api" => WebMetrics.Api,
            "ftp-server" => WebMetrics.FtpServer,
            "dns-server" => DnsMetrics.Server,
            "dns-trace" => DnsMetrics.Trace,
            "dnssec" => DnsMetrics.Dnssec,
            "sip-server" => VoiceMetrics.SipServer,
            "rtp-stream" => VoiceMetrics.RtpStream,
            _ => throw new InvalidOperationException($"No metrics for result family {family.Name}."),
        };
        writer(result, context);
    }
}
