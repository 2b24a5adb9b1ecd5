namespace AlertProbe.Cli.LocalRun;

/// <summary>Where a run reports as it goes (the live display); every member is optional.</summary>
internal sealed record RunObserver
{
    /// <summary>A line about the run itself ("embedded simulator at …", "queued …").</summary>
    public Action<string>? Announced { get; init; }

    /// <summary>A handler settled a message; the time is the run's clock since the start.</summary>
    public Action<Delivery, TimeSpan>? Settled { get; init; }

    /// <summary>A delivery started, or the run started waiting in real time for the next message (progress display).</summary>
    public Action<RunActivity>? Activity { get; init; }
}
