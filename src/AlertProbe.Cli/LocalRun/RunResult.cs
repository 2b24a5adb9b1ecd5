namespace AlertProbe.Cli.LocalRun;

/// <summary>The end of a run: the report, or why the run could not start.</summary>
internal sealed record RunResult
{
    public RunDocument? Document { get; init; }

    /// <summary>Configuration problems that stopped the run before it started (a usage error), each naming its setting.</summary>
    public IReadOnlyList<string> ConfigurationProblems { get; init; } = [];

    /// <summary>Where ThousandEyes was: the embedded simulator's or the configured base URL.</summary>
    public Uri? ThousandEyesBaseUrl { get; init; }

    public bool Embedded { get; init; }

    /// <summary>How the run stopped: idle (everything handled), timed out or interrupted.</summary>
    public RunEnd End { get; init; }

    /// <summary>The delivery in progress when the run stopped early; null when none was.</summary>
    public RunActivity? InFlight { get; init; }

    /// <summary>Run-clock time from the first message to the last settlement (including skipped waiting when embedded).</summary>
    public TimeSpan FlowTime { get; init; }

    /// <summary>Waiting skipped on the embedded run's clock.</summary>
    public TimeSpan SkippedWaiting { get; init; }

    public static RunResult Unusable(IReadOnlyList<string> problems) => new() { ConfigurationProblems = problems };
}
