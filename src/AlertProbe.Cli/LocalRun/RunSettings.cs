using AlertProbe.Cli.Payloads;

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

    /// <summary>
    /// Embedded simulator only: <c>TEXT</c> or <c>TEXT=SITUATION</c>; runs against targets containing TEXT (case-insensitive)
    /// show the situation (a bare TEXT times out). Situations: <see cref="AlertProbe.Simulator.State.Situation"/>.
    /// </summary>
    public IReadOnlyList<string> FailTargets { get; init; } = [];

    /// <summary>Which rules those are and why (--rules, Rules__Path or the built-in defaults), for the report.</summary>
    public required RulesInEffect Rules { get; init; }

    /// <summary><c>--verbose</c>: the handlers' information logs and the libraries' warnings on standard error.</summary>
    public bool Verbose { get; init; }
}
