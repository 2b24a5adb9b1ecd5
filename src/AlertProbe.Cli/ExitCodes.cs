namespace AlertProbe.Cli;

/// <summary>The process exit codes of <c>alertprobe</c> (documented in docs/cli.md; scripts depend on them).</summary>
internal static class ExitCodes
{
    /// <summary>Done: the payload was understood (map), every fixture passed (rules test), every payload was handled (run).</summary>
    public const int Success = 0;

    /// <summary>A runtime failure: ThousandEyes or Service Bus unreachable, a run that did not finish in time, a failed fixture.</summary>
    public const int Failure = 1;

    /// <summary>A usage error: unknown option, missing file, invalid configuration.</summary>
    public const int Usage = 2;

    /// <summary>A payload was rejected: the intake would dead-letter it.</summary>
    public const int Rejected = 3;
}
