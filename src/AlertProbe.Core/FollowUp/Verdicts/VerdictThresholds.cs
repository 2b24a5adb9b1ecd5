using System.ComponentModel.DataAnnotations;

namespace AlertProbe.Core.FollowUp.Verdicts;

/// <summary>
/// Where a measurement turns an agent degraded or failing, per layer (section <c>FollowUp:Thresholds</c>; a rule's
/// <c>followUp.verdict</c> overrides any of them for its tests). Every default and why: docs/follow-up.md.
/// </summary>
public sealed record VerdictThresholds
{
    /// <summary>End-to-end packet loss (%) from which an agent is degraded.</summary>
    [Range(0.0, 100.0)]
    public double LossDegradedPercent { get; set; } = 2;

    /// <summary>
    /// End-to-end packet loss (%) from which an agent is failing. 20 %: TCP throughput falls with the square root of
    /// the loss rate and retransmission timeouts dominate well before half the packets are lost, so sustained loss at
    /// this level is an outage for TCP services, not a slowdown.
    /// </summary>
    [Range(0.0, 100.0)]
    public double LossFailingPercent { get; set; } = 20;

    /// <summary>
    /// Queueing latency (ms): average minus the agent's own minimum in the same round, from which an agent is degraded.
    /// Judged against the agent's floor, so a distant agent is not flagged for its distance.
    /// </summary>
    [Range(1.0, 60_000.0)]
    public double LatencyExcessDegradedMs { get; set; } = 100;

    /// <summary>An absolute latency budget (ms); unset by default (distance is not a fault). A rule sets it for a known baseline.</summary>
    [Range(1.0, 60_000.0)]
    public double? LatencyDegradedMs { get; set; }

    /// <summary>Jitter (ms) from which an agent is degraded.</summary>
    [Range(0.1, 10_000.0)]
    public double JitterDegradedMs { get; set; } = 30;

    /// <summary>HTTP/FTP/API response time (ms) from which an agent is degraded.</summary>
    [Range(1.0, 600_000.0)]
    public double ResponseTimeDegradedMs { get; set; } = 2_000;

    /// <summary>Page load time (ms) from which an agent is degraded.</summary>
    [Range(1.0, 600_000.0)]
    public double PageLoadDegradedMs { get; set; } = 10_000;

    /// <summary>DNS resolution time (ms) from which an agent is degraded.</summary>
    [Range(1.0, 60_000.0)]
    public double DnsResolutionDegradedMs { get; set; } = 500;

    /// <summary>Voice MOS below which a stream is degraded (ITU-T G.107: R 70, "some users dissatisfied").</summary>
    [Range(1.0, 5.0)]
    public double MosDegradedBelow { get; set; } = 3.6;

    /// <summary>Voice MOS below which a stream is failing (ITU-T G.107: R 60, "many users dissatisfied").</summary>
    [Range(1.0, 5.0)]
    public double MosFailingBelow { get; set; } = 3.1;

    /// <summary>Voice (RTP) loss (%) from which a stream is degraded: codecs conceal about 1 % of lost packets.</summary>
    [Range(0.0, 100.0)]
    public double VoiceLossDegradedPercent { get; set; } = 1;

    /// <summary>Voice (RTP) loss (%) from which a stream is failing.</summary>
    [Range(0.0, 100.0)]
    public double VoiceLossFailingPercent { get; set; } = 5;

    /// <summary>One-way voice latency (ms) from which a stream is degraded (ITU-T G.114: 150 ms keeps conversation natural).</summary>
    [Range(1.0, 10_000.0)]
    public double VoiceLatencyDegradedMs { get; set; } = 150;

    /// <summary>One-way voice latency (ms) from which a stream is failing (ITU-T G.114: above 400 ms is unacceptable for planning).</summary>
    [Range(1.0, 10_000.0)]
    public double VoiceLatencyFailingMs { get; set; } = 400;

    /// <summary>Packet delay variation (ms) from which a voice stream is degraded.</summary>
    [Range(0.1, 10_000.0)]
    public double PdvDegradedMs { get; set; } = 30;

    /// <summary>Packet delay variation (ms) from which a voice stream is failing (beyond a typical adaptive jitter buffer).</summary>
    [Range(0.1, 10_000.0)]
    public double PdvFailingMs { get; set; } = 100;

    /// <summary>
    /// The share of judged measurements (agents with data, agent-side problems excluded) that must fail for the run to
    /// be "failing"; fewer make it "degraded" (the target works from some places).
    /// </summary>
    [Range(0.01, 1.0)]
    public double FailingAgentShare { get; set; } = 0.5;

    /// <summary>
    /// The share of the test's agents that must report (and not be excluded as agent-side) for any verdict other than
    /// inconclusive: silent agents are neither healthy nor failing.
    /// </summary>
    [Range(0.0, 1.0)]
    public double MinReportingShare { get; set; } = 0.5;

    /// <summary>
    /// These thresholds with a rule's overrides applied (names as in rules.v1.json <c>followUp.verdict.thresholds</c>).
    /// An unknown name is refused loudly: the rules schema admits only these, so one here is a programming error.
    /// </summary>
    public static IReadOnlySet<string> Names { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "lossDegradedPercent", "lossFailingPercent", "latencyExcessDegradedMs", "latencyDegradedMs", "jitterDegradedMs",
        "responseTimeDegradedMs", "pageLoadDegradedMs", "dnsResolutionDegradedMs", "mosDegradedBelow", "mosFailingBelow",
        "voiceLossDegradedPercent", "voiceLossFailingPercent", "voiceLatencyDegradedMs", "voiceLatencyFailingMs",
        "pdvDegradedMs", "pdvFailingMs", "failingAgentShare", "minReportingShare",
    };

    public VerdictThresholds With(IReadOnlyDictionary<string, double> overrides)
    {
        ArgumentNullException.ThrowIfNull(overrides);
        var copy = this with { };
        foreach (var (name, value) in overrides)
        {
            copy = name switch
            {
                "lossDegradedPercent" => copy with { LossDegradedPercent = value },
                "lossFailingPercent" => copy with { LossFailingPercent = value },
                "latencyExcessDegradedMs" => copy with { LatencyExcessDegradedMs = value },
                "latencyDegradedMs" => copy with { LatencyDegradedMs = value },
                "jitterDegradedMs" => copy with { JitterDegradedMs = value },
                "responseTimeDegradedMs" => copy with { ResponseTimeDegradedMs = value },
                "pageLoadDegradedMs" => copy with { PageLoadDegradedMs = value },
                "dnsResolutionDegradedMs" => copy with { DnsResolutionDegradedMs = value },
                "mosDegradedBelow" => copy with { MosDegradedBelow = value },
                "mosFailingBelow" => copy with { MosFailingBelow = value },
                "voiceLossDegradedPercent" => copy with { VoiceLossDegradedPercent = value },
                "voiceLossFailingPercent" => copy with { VoiceLossFailingPercent = value },
                "voiceLatencyDegradedMs" => copy with { VoiceLatencyDegradedMs = value },
                "voiceLatencyFailingMs" => copy with { VoiceLatencyFailingMs = value },
                "pdvDegradedMs" => copy with { PdvDegradedMs = value },
                "pdvFailingMs" => copy with { PdvFailingMs = value },
                "failingAgentShare" => copy with { FailingAgentShare = value },
                "minReportingShare" => copy with { MinReportingShare = value },
                _ => throw new ArgumentException($"'{name}' is not a verdict threshold.", nameof(overrides)),
            };
        }

        return copy;
    }
}
