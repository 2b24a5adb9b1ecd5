using System.Text.Json.Nodes;
using AlertProbe.Simulator.Catalog;
using AlertProbe.Simulator.State;
using Microsoft.AspNetCore.WebUtilities;

namespace AlertProbe.Simulator.Results;

/// <summary>
/// HTTP server, page load, transactions, API and FTP metrics with the vendor's names per version (v7
/// Test_Results_API_HttpTestResult, PageLoadTestResult, WebTransactionTestResult, ApiTestResult, FtpServerTestResult;
/// v6 docs Test Data "(Web) …" pages). Page-load rows have no response code nor error fields: a broken page shows in
/// the test's HTTP rows and as a page load that never finished.
/// </summary>
internal static class WebMetrics
{
    public static void HttpServer(JsonObject result, ResultContext context)
    {
        var random = context.Random;
        var rtt = context.RoundTripMs();
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
            if (context.Version == ApiVersion.V6)
            {
                // v6 names the failed phase even on success: "None" (the documented /v6/web/http-server example).
                result["errorType"] = "None";
            }
        }
    }

    public static void PageLoad(JsonObject result, ResultContext context)
    {
        var random = context.Random;
        if (context.Failure is not null && (context.Unreachable || context.Failure.Kind == TargetFailureKind.HttpStatus))
        {
            // The page never finished loading: no load times, the failed object counted.
            result["numObjects"] = 1;
            result["numErrors"] = 1;
            return;
        }

        var response = (int)(context.RoundTripMs() * 3) + random.Between(30, 150);
        var domLoad = response + random.Between(200, 900);
        result["responseTime"] = response;
        result["domLoadTime"] = domLoad;
        result["pageLoadTime"] = domLoad + random.Between(100, 1200);
        result["numObjects"] = random.Between(20, 120);
        result["numErrors"] = 0;
        result["totalSize"] = random.Between(400_000, 3_000_000);
    }

    /// <summary>web-transactions (both versions): componentErrors, transactionTime, errorType/errorDetails on failure.</summary>
    public static void WebTransaction(JsonObject result, ResultContext context)
    {
        var random = context.Random;
        if (Broken(context))
        {
            result["componentErrors"] = random.Between(1, 5);
            result["errorType"] = ErrorType(context.Failure!);
            result["errorDetails"] = ErrorDetails(context);
            return;
        }

        result["componentErrors"] = 0;
        result["transactionTime"] = (int)(context.RoundTripMs() * 10) + random.Between(800, 4000);
    }

    /// <summary>v6 transactions: steps completed out of the script's steps, no error fields.</summary>
    public static void Transaction(JsonObject result, ResultContext context)
    {
        var random = context.Random;
        var steps = random.Between(1, 4);
        var broken = Broken(context);
        result["totalSteps"] = steps;
        result["stepsCompleted"] = broken ? 0 : steps;
        result["componentErrors"] = broken ? 1 : 0;
        if (!broken)
        {
            result["transactionTime"] = (int)(context.RoundTripMs() * 10) + random.Between(800, 4000);
        }
    }

    /// <summary>v7 api: completion (% of steps passed), apiTransactionTime, errorType/errorDetails on failure.</summary>
    public static void Api(JsonObject result, ResultContext context)
    {
        var random = context.Random;
        var steps = context.Test.Definition["requests"] is JsonArray requests ? Math.Max(1, requests.Count) : 1;
        var time = 0.0;
        for (var step = 0; step < steps; step++)
        {
            time += (int)context.RoundTripMs() + random.Between(20, 200);
        }

        if (Broken(context))
        {
            result["completion"] = 0.0;
            result["errorType"] = ErrorType(context.Failure!);
            result["errorDetails"] = ErrorDetails(context);
            return;
        }

        result["completion"] = 100.0;
        result["apiTransactionTime"] = time;
    }

    public static void FtpServer(JsonObject result, ResultContext context)
    {
        var random = context.Random;
        result["dnsTime"] = random.Between(3, 30);
        if (PhaseFailure(result, context))
        {
            return;
        }

        var rtt = (int)Math.Round(context.RoundTripMs());
        var wireSize = random.Between(100_000, 2_000_000);
        var transfer = random.Between(100, 1500);
        result["serverIp"] = context.ServerIp;
        result["connectTime"] = rtt;
        result["negotiationTime"] = rtt * 3;
        result["waitTime"] = random.Between(5, 60);
        result["responseTime"] = rtt * 4;
        result["transferTime"] = transfer;
        result["totalTime"] = (rtt * 4) + transfer;
        result["wireSize"] = wireSize;
        if (context.Version == ApiVersion.V7)
        {
            // Only the v7 schema lists throughput for FTP rows.
            result["throughput"] = wireSize * 1000L / transfer;
        }

        result["responseCode"] = context.Failure is { Kind: TargetFailureKind.HttpStatus } ? 550 : 226;
        if (context.Failure is { Kind: TargetFailureKind.HttpStatus })
        {
            result["errorType"] = "Receive";
            result["errorDetails"] = "550 Requested action not taken";
        }
    }

    private static bool Broken(ResultContext context) =>
        context.Failure is not null && (context.Unreachable || context.Failure.Kind == TargetFailureKind.HttpStatus);

    /// <summary>Writes the DNS/Connect failure of an unreachable target; true when the request never got a response.</summary>
    private static bool PhaseFailure(JsonObject result, ResultContext context)
    {
        if (!context.Unreachable)
        {
            return false;
        }

        if (context.Failure!.Kind != TargetFailureKind.DnsFailure)
        {
            // The name resolved, so the row says which address the agent tried (v7 HttpTestResult.serverIp).
            result["serverIp"] = context.ServerIp;
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
