using System.Text.Json.Nodes;
using AlertProbe.Simulator.Catalog;
using AlertProbe.Simulator.State;

namespace AlertProbe.Simulator.Results;

/// <summary>
/// DNS server, DNS trace and DNSSEC results with the vendor's names: v7 Test_Results_API_DnsServerTestResult /
/// DnsTraceTestResult / DnssecTestResult, v6 docs "(DNS) Server", "(DNS) Trace", "(DNS) DNSSEC". No DNS row names a
/// failed phase; an error is errorDetails (v6 writes "" when there is none). Mappings are one string.
/// </summary>
internal static class DnsMetrics
{
    public static void Server(JsonObject result, ResultContext context)
    {
        result["server"] = context.DnsServer ?? (Servers(context.Test) is { Count: > 0 } servers ? servers[0] : "ns1.example.net");
        if (Failed(result, context))
        {
            return;
        }

        result["resolutionTime"] = (int)Math.Round(context.RoundTripMs()) + context.Random.Between(1, 15);
        result["mappings"] = $"{Answer(context)} (A)";
        NoError(result, context);
    }

    public static void Trace(JsonObject result, ResultContext context)
    {
        var queries = context.Random.Between(2, 4);
        result["queries"] = queries;
        if (Failed(result, context))
        {
            result["failedQueries"] = 1;
            return;
        }

        var name = context.Test.Target.Split(' ')[0];
        result["failedQueries"] = 0;
        result["finalServerQueried"] = $"ns{context.Random.Between(1, 4)}.{name}.";
        result["finalQueryTime"] = (int)Math.Round(context.RoundTripMs()) + context.Random.Between(5, 40);
        result["mappings"] = Answer(context);
        NoError(result, context);
    }

    public static void Dnssec(JsonObject result, ResultContext context)
    {
        var valid = context.Failure is null;
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

    private static void NoError(JsonObject result, ResultContext context)
    {
        if (context.Version == ApiVersion.V6)
        {
            result["errorDetails"] = "";
        }
    }

    private static string Details(TargetFailure failure) => failure.Kind switch
    {
        TargetFailureKind.DnsFailure => "NXDOMAIN: the domain does not exist",
        TargetFailureKind.HttpStatus => "SERVFAIL: the server failed to answer",
        _ => "Timeout: no response from the DNS server",
    };

    /// <summary>
    /// The test's DNS servers in order (v7 strings, v6 <c>{serverName}</c>): a dns-server test has one row per agent and
    /// server (v7 Test_Results_API_DnsServerTestResult.server names it).
    /// </summary>
    public static IReadOnlyList<string> Servers(CreatedTest test) =>
        test.Definition["dnsServers"] is JsonArray servers
            ? [.. servers.Select(server => server is JsonObject named ? named["serverName"]?.GetValue<string>() : server?.GetValue<string>()).OfType<string>()]
            : [];

    // A wrong-answer situation answers with its address from every server and agent.
    private static string Answer(ResultContext context) =>
        context.Situation is { Kind: SituationKind.DnsWrongAnswer } wrong ? wrong.WrongAnswer : context.ServerIp;
}
