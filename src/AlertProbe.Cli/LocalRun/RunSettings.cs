using AlertProbe.Cli.Payloads;
using Microsoft.Extensions.Logging;

namespace AlertProbe.Cli.LocalRun;

/// <summary>What <c>alertprobe run</c> was asked to do.</summary>
internal sealed record RunSettings
{
    public required IReadOnlyList<PayloadFile> Payloads { get; init; }

    public string? RulesPath { get; init; }

    /// <summary>"v6"/"v7"; null for <c>ThousandEyes:ApiVersion</c> (default v7).</summary>
    public string? ApiVersion { get; init; }

    public string? Source { get; init; }

    /// <summary>Real time the run may take before it stops with what it has.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>The embedded simulator's result delay (on the run's skipping clock, so it costs no real time).</summary>
    public TimeSpan SimulatorResultDelay { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Embedded simulator only: runs against targets containing one of these (case-insensitive) time out.</summary>
    public IReadOnlyList<string> FailTargets { get; init; } = [];

    public LogLevel LogLevel { get; init; } = LogLevel.Warning;
}
