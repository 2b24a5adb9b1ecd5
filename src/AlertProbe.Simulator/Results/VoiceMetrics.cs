using System.Text.Json.Nodes;
using AlertProbe.Simulator.State;

namespace AlertProbe.Simulator.Results;

/// <summary>SIP server and RTP stream (voice) results.</summary>
internal static class VoiceMetrics
{
    public static void SipServer(JsonObject result, ResultContext context)
    {
        var random = context.Random;
        result["server"] = context.Test.Target;
        if (context.Failure is not null && (context.Unreachable || context.Failure.Kind == TargetFailureKind.HttpStatus))
        {
            result["availability"] = 0;
            result["responseCode"] = context.Failure.Kind == TargetFailureKind.HttpStatus ? context.Failure.StatusCode : 0;
            result["errorType"] = context.Failure.Kind switch
            {
                TargetFailureKind.DnsFailure => "DNS",
                TargetFailureKind.HttpStatus => "Register",
                _ => "Connect",
            };
            result["errorDetails"] = context.Failure.Kind == TargetFailureKind.HttpStatus
                ? $"SIP/2.0 {context.Failure.StatusCode} Service Unavailable"
                : "No response from the SIP registrar";
            return;
        }

        var rtt = (int)Math.Round(context.RoundTripMs());
        result["serverIp"] = context.ServerIp;
        result["availability"] = 100;
        result["responseCode"] = 200;
        result["connectTime"] = rtt;
        result["optionsTime"] = rtt + random.Between(1, 20);
        result["registerTime"] = (rtt * 2) + random.Between(5, 60);
        result["inviteTime"] = (rtt * 2) + random.Between(10, 90);
        result["totalTime"] = (rtt * 5) + random.Between(20, 150);
    }

    public static void RtpStream(JsonObject result, ResultContext context)
    {
        var random = context.Random;
        var loss = context.Failure is { Kind: not TargetFailureKind.HttpStatus } failure ? failure.LossPercent : Math.Round(random.Between(0, 0.4), 2);
        result["loss"] = loss;
        result["dscp"] = "EF";
        if (loss >= 100)
        {
            result["mos"] = 1.0;
            result["errorDetails"] = "No RTP packets received";
            return;
        }

        var latency = context.RoundTripMs() / 2;
        result["mos"] = Math.Round(Math.Max(1.0, 4.4 - (loss * 0.08) - (latency / 400) - random.Between(0, 0.1)), 2);
        result["discards"] = Math.Round(random.Between(0, 0.2), 2);
        result["latency"] = Math.Round(latency, 1);
        result["pdv"] = Math.Round(random.Between(0.2, 3) * (loss > 1 ? 4 : 1), 2);
    }
}
