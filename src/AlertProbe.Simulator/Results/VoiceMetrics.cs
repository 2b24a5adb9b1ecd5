using System.Text.Json.Nodes;
using AlertProbe.Simulator.Catalog;
using AlertProbe.Simulator.State;

namespace AlertProbe.Simulator.Results;

/// <summary>
/// SIP server and RTP stream (voice) results with the vendor's names: v7 Test_Results_API_SipServerTestResult /
/// RtpStreamTestResult, v6 docs "(Voice) SIP Server" / "(Voice) RTP Stream". SIP errors are problemDetail, RTP errors
/// errorDetail; SIP errorType is lower-case in v7 (SipServerErrorType) and "None" on success in v6.
/// </summary>
internal static class VoiceMetrics
{
    public static void SipServer(JsonObject result, ResultContext context)
    {
        var random = context.Random;
        var v6 = context.Version == ApiVersion.V6;
        if (context.Failure is not null && (context.Unreachable || context.Failure.Kind == TargetFailureKind.HttpStatus))
        {
            result["availability"] = 0.0;
            if (context.Failure.Kind == TargetFailureKind.HttpStatus)
            {
                result["responseCode"] = context.Failure.StatusCode;
            }

            var phase = context.Failure.Kind switch
            {
                TargetFailureKind.DnsFailure => "dns",
                TargetFailureKind.HttpStatus => "register",
                _ => "connect",
            };
            result["errorType"] = v6 ? char.ToUpperInvariant(phase[0]) + phase[1..] : phase;
            result["problemDetail"] = context.Failure.Kind == TargetFailureKind.HttpStatus
                ? $"SIP/2.0 {context.Failure.StatusCode} Service Unavailable"
                : "No response from the SIP registrar";
            return;
        }

        var rtt = (int)Math.Round(context.RoundTripMs());
        result["serverIp"] = context.ServerIp;
        result["availability"] = 100.0;
        result["responseCode"] = 200;
        result["dnsTime"] = random.Between(1, 10);
        result["connectTime"] = rtt;
        if (!v6)
        {
            // Only the v7 schema lists optionsTime for SIP rows.
            result["optionsTime"] = rtt + random.Between(1, 20);
        }

        result["registerTime"] = (rtt * 2) + random.Between(5, 60);
        result["inviteTime"] = (rtt * 2) + random.Between(10, 90);
        result["responseTime"] = rtt + random.Between(1, 10);
        result["waitTime"] = random.Between(1, 10);
        result["totalTime"] = (rtt * 5) + random.Between(20, 150);
        result["errorType"] = v6 ? "None" : "none";
    }

    public static void RtpStream(JsonObject result, ResultContext context)
    {
        var random = context.Random;
        var loss = context.Failure is { Kind: not TargetFailureKind.HttpStatus } failure ? failure.LossPercent : Math.Round(random.Between(0, 0.4), 2);
        result["loss"] = loss;
        result["dscp"] = "46";
        result["dscpName"] = "EF (DSCP 46)";
        if (loss >= 100)
        {
            result["mos"] = 1.0;
            result["errorDetail"] = "No RTP packets received";
            return;
        }

        var latency = context.RoundTripMs() / 2;
        result["mos"] = Math.Round(Math.Max(1.0, 4.4 - (loss * 0.08) - (latency / 400) - random.Between(0, 0.1)), 2);
        result["discards"] = Math.Round(random.Between(0, 0.2), 2);
        result["latency"] = (int)Math.Round(latency);
        result["pdv"] = (int)Math.Round(random.Between(0.2, 3) * (loss > 1 ? 4 : 1));
    }
}
