namespace AlertProbe.Cli.LocalRun;

/// <summary>How the in-process run's dispatcher stopped.</summary>
internal enum RunEnd
{
    /// <summary>Nothing was pending any more: everything was handled.</summary>
    Idle,

    /// <summary><c>--timeout</c> passed with messages still pending (a delivery in progress was cancelled).</summary>
    TimedOut,

    /// <summary>The user interrupted the run (Ctrl+C).</summary>
    Interrupted,
}
