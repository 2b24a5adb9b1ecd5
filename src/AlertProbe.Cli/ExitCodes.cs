namespace AlertProbe.Cli;

/// <summary>The process exit codes of <c>alertprobe</c> (documented in docs/cli.md; scripts depend on them).</summary>
internal static class ExitCodes
{
    /// <summary>Done: the payload was understood (map), every fixture passed (rules test), every payload was handled (run).</summary>
    public const int Success = 0;

    /// <summary>A runtime failure: ThousandEyes or Service Bus unreachable, a message dead-lettered at run time, a failed fixture.</summary>
    public const int Failure = 1;

    /// <summary>A usage error: unknown option, missing file, invalid configuration.</summary>
    public const int Usage = 2;

    /// <summary>A payload was rejected: the intake would dead-letter it.</summary>
    public const int Rejected = 3;

    /// <summary>A verdict reached the <c>--fail-on</c> level (run).</summary>
    public const int VerdictReached = 4;

    /// <summary>
    /// <c>--timeout</c> passed before the command finished. 124 is what GNU <c>timeout</c> returns, so scripts that
    /// already tell a timeout from a failure recognise it.
    /// </summary>
    public const int TimedOut = 124;

    /// <summary>Interrupted (Ctrl+C): 128 + SIGINT, what shells report for a process stopped that way.</summary>
    public const int Interrupted = 130;
}
