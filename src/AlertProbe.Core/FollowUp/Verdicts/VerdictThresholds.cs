using System.ComponentModel.DataAnnotations;

namespace AlertProbe.Core.FollowUp.Verdicts;

/// <summary>Where a measurement turns an agent degraded or failing (section <c>FollowUp:Thresholds</c>).</summary>
public sealed class VerdictThresholds
{
    /// <summary>Packet loss (%) from which an agent is degraded.</summary>
    [Range(0.0, 100.0)]
    public double LossDegradedPercent { get; set; } = 2;

    /// <summary>Packet loss (%) from which an agent is failing.</summary>
    [Range(0.0, 100.0)]
    public double LossFailingPercent { get; set; } = 50;

    /// <summary>Average latency (ms) from which an agent is degraded.</summary>
    [Range(1.0, 60_000.0)]
    public double LatencyDegradedMs { get; set; } = 300;

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

    /// <summary>Voice MOS below which an agent is degraded (1–5).</summary>
    [Range(1.0, 5.0)]
    public double MosDegradedBelow { get; set; } = 3.5;

    /// <summary>
    /// The share of agents (with data) that must fail for the run to be "failing"; fewer failing agents make it
    /// "degraded" (the target works from some places).
    /// </summary>
    [Range(0.01, 1.0)]
    public double FailingAgentShare { get; set; } = 0.5;
}
