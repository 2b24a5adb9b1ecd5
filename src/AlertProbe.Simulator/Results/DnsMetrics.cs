using System.Text.Json.Nodes;
using AlertProbe.Simulator.Catalog;
using AlertProbe.Simulator.State;

namespace AlertProbe.Simulator.Results;

/// <summary>DNS server, DNS trace and DNSSEC results.</summary>
internal static class DnsMetrics
{
    public static void Server(JsonObject result, ResultContext context)
    {
        var server = FirstDnsServer(context) ?? "ns1.example.net";
        result["server"] = server;
        result["domain"] = context.Test.Target;
        if (Failed(result, context))
        {
            return;
        }

        result["resolutionTime"] = (int)Math.Round(context.RoundTripMs()) + context.Random.Between(1, 15);
        result["mappings"] = new JsonArray(context.ServerIp);
    }

    public static void Trace(JsonObject result, ResultContext context)
    {
        result["domain"] = context.Test.Target;
        if (Failed(result, context))
        {
            return;
        }

        var name = context.Test.Target.Split(' ')[0];
        result["finalServerQueried"] = $"ns{context.Random.Between(1, 4)}.{name}";
        result["finalRecords"] = new JsonArray($"{name} A {context.ServerIp}");
        result["resolutionTime"] = (int)Math.Round(context.RoundTripMs() * 3) + context.Random.Between(5, 40);
    }

    public static void Dnssec(JsonObject result, ResultContext context)
    {
        result["domain"] = context.Test.Target;
        var valid = context.Failure is null;
        // v6 docs: "valid" as 1/0; v7 Test_Results_API_DnssecTestResult: "isValid" as a boolean.
        if (context.Version == ApiVersion.V6)
        {
            result["valid"] = valid ? 1 : 0;
        }
        else
        {
            result["isValid"] = valid;
        }

        if (!valid)
        {
            result["errorDetails"] = Details(context.Failure!);
        }
    }

    private static bool Failed(JsonObject result, ResultContext context)
    {
        if (context.Failure is null || context.Failure.Kind == TargetFailureKind.PacketLoss && context.Failure.LossPercent < 100)
        {
            return false;
        }

        result["errorDetails"] = Details(context.Failure);
        return true;
    }

    private static string Details(TargetFailure failure) => failure.Kind switch
    {
        TargetFailureKind.DnsFailure => "NXDOMAIN: the domain does not exist",
        TargetFailureKind.HttpStatus => "SERVFAIL: the server failed to answer",
        _ => "Timeout: no response from the DNS server",
    };

    private static string? FirstDnsServer(ResultContext context) =>
        context.Test.Definition["dnsServers"] is JsonArray { Count: > 0 } servers
            ? servers[0] is JsonObject server ? server["serverName"]?.GetValue<string>() : servers[0]?.GetValue<string>()
            : null;
}
