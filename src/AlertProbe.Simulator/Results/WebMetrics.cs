using System.Text.Json.Nodes;
using AlertProbe.Simulator.State;
using Microsoft.AspNetCore.WebUtilities;

namespace AlertProbe.Simulator.Results;

/// <summary>HTTP server, page load, transactions, API and FTP metrics, with failures shown in the phase that failed.</summary>
internal static class WebMetrics
{
    public static void HttpServer(JsonObject result, ResultContext context)
    {
        var random = context.Random;
        var rtt = context.RoundTripMs();
        result["url"] = context.Test.Target;
        var dns = random.Between(3, 30);
        result["dnsTime"] = dns;
        if (PhaseFailure(result, context))
        {
            return;
        }

        var connect = (int)Math.Round(rtt);
        var ssl = context.Test.Target.StartsWith("https", StringComparison.OrdinalIgnoreCase) ? (int)Math.Round(rtt * 2) : 0;
        var wait = random.Between(20, 140);
        var receive = random.Between(2, 40);
        var wireSize = random.Between(8_000, 64_000);
        result["serverIp"] = context.ServerIp;
        result["connectTime"] = connect;
        result["sslTime"] = ssl;
        result["waitTime"] = wait;
        result["receiveTime"] = receive;
        result["responseTime"] = dns + connect + ssl + wait;
        result["totalTime"] = dns + connect + ssl + wait + receive;
        result["wireSize"] = wireSize;
        result["throughput"] = wireSize * 1000 / receive;
        if (context.Failure is { Kind: TargetFailureKind.HttpStatus } failure)
        {
            result["responseCode"] = failure.StatusCode;
            result["errorType"] = "HTTP";
            result["errorDetails"] = $"HTTP {failure.StatusCode} {ReasonPhrases.GetReasonPhrase(failure.StatusCode)}";
        }
        else
        {
            result["responseCode"] = 200;
            if (context.Version == Catalog.ApiVersion.V6)
            {
                // v6 names the failed phase even on success: "None" (the documented /v6/web/http-server example).
                result["errorType"] = "None";
            }
        }
    }

    public static void PageLoad(JsonObject result, ResultContext context)
    {
        var random = context.Random;
        result["url"] = context.Test.Target;
        if (context.Failure is not null && (context.Unreachable || context.Failure.Kind == TargetFailureKind.HttpStatus))
        {
            result["responseCode"] = context.Failure.StatusCode;
            result["numErrors"] = 1;
            result["errorType"] = ErrorType(context.Failure);
            result["errorDetails"] = ErrorDetails(context);
            return;
        }

        var response = (int)(context.RoundTripMs() * 3) + random.Between(30, 150);
        var domLoad = response + random.Between(200, 900);
        result["responseCode"] = 200;
        result["responseTime"] = response;
        result["domLoadTime"] = domLoad;
        result["pageLoadTime"] = domLoad + random.Between(100, 1200);
        result["numObjects"] = random.Between(20, 120);
        result["numErrors"] = 0;
        result["totalSize"] = random.Between(400_000, 3_000_000);
    }

    public static void Transaction(JsonObject result, ResultContext context)
    {
        var random = context.Random;
        result["url"] = context.Test.Target;
        result["numPages"] = random.Between(1, 4);
        if (context.Failure is not null && (context.Unreachable || context.Failure.Kind == TargetFailureKind.HttpStatus))
        {
            result["completion"] = 0;
            result["errorType"] = ErrorType(context.Failure);
            result["errorDetails"] = ErrorDetails(context);
            return;
        }

        result["completion"] = 100;
        result["transactionTime"] = (int)(context.RoundTripMs() * 10) + random.Between(800, 4000);
    }

    public static void Api(JsonObject result, ResultContext context)
    {
        var random = context.Random;
        var steps = context.Test.Definition["requests"] is JsonArray requests ? requests.Count : 1;
        var failed = context.Failure is not null && (context.Unreachable || context.Failure.Kind == TargetFailureKind.HttpStatus);
        var total = 0;
        var entries = new JsonArray();
        for (var step = 0; step < steps; step++)
        {
            var time = (int)context.RoundTripMs() + random.Between(20, 200);
            total += time;
            var entry = new JsonObject
            {
                ["name"] = (context.Test.Definition["requests"] as JsonArray)?[step]?["name"]?.DeepClone() ?? $"request {step + 1}",
                ["responseCode"] = failed && step == 0 ? context.Failure!.StatusCode : 200,
                ["totalTime"] = time,
            };
            entries.Add(entry);
            if (failed)
            {
                entry["errorDetails"] = ErrorDetails(context);
                break;
            }
        }

        result["completion"] = failed ? 0 : 100;
        result["totalTime"] = total;
        result["requests"] = entries;
        if (failed)
        {
            result["errorType"] = ErrorType(context.Failure!);
            result["errorDetails"] = ErrorDetails(context);
        }
    }

    public static void FtpServer(JsonObject result, ResultContext context)
    {
        var random = context.Random;
        result["url"] = context.Test.Target;
        result["dnsTime"] = random.Between(3, 30);
        if (PhaseFailure(result, context))
        {
            return;
        }

        var rtt = (int)Math.Round(context.RoundTripMs());
        var wireSize = random.Between(100_000, 2_000_000);
        var receive = random.Between(100, 1500);
        result["serverIp"] = context.ServerIp;
        result["connectTime"] = rtt;
        result["negotiationTime"] = rtt * 3;
        result["waitTime"] = random.Between(5, 60);
        result["responseTime"] = rtt * 4;
        result["totalTime"] = (rtt * 4) + receive;
        result["wireSize"] = wireSize;
        result["throughput"] = wireSize * 1000L / receive;
        result["responseCode"] = context.Failure is { Kind: TargetFailureKind.HttpStatus } ? 550 : 226;
        if (context.Failure is { Kind: TargetFailureKind.HttpStatus })
        {
            result["errorType"] = "Receive";
            result["errorDetails"] = "550 Requested action not taken";
        }
    }

    /// <summary>Writes the DNS/Connect failure of an unreachable target; true when the request never got a response.</summary>
    private static bool PhaseFailure(JsonObject result, ResultContext context)
    {
        if (!context.Unreachable)
        {
            return false;
        }

        result["responseCode"] = 0;
        result["errorType"] = ErrorType(context.Failure!);
        result["errorDetails"] = ErrorDetails(context);
        return true;
    }

    private static string ErrorType(TargetFailure failure) => failure.Kind switch
    {
        TargetFailureKind.DnsFailure => "DNS",
        TargetFailureKind.HttpStatus => "HTTP",
        _ => "Connect",
    };

    private static string ErrorDetails(ResultContext context) => context.Failure!.Kind switch
    {
        TargetFailureKind.DnsFailure => $"Could not resolve host: {context.Host}",
        TargetFailureKind.HttpStatus => $"HTTP {context.Failure.StatusCode} {ReasonPhrases.GetReasonPhrase(context.Failure.StatusCode)}",
        _ => "Connection timed out after 10000 milliseconds",
    };
}
