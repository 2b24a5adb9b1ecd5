namespace AlertProbe.Cli.LocalRun;

/// <summary>
/// The <c>alertprobe run --json</c> document, version 2 (docs/cli.md). Adding a field is compatible; renaming or
/// removing one is not.
/// </summary>
internal sealed record RunDocument
{
    public const int CurrentVersion = 2;

    /// <summary>The document's version, first so a consumer can check it before reading on.</summary>
    public int Version { get; init; } = CurrentVersion;

    /// <summary>The rules the intake planned with.</summary>
    public required RulesInEffect Rules { get; init; }

    /// <summary>Every instant test created, in creation order.</summary>
    public required IReadOnlyList<RunTest> Tests { get; init; }

    /// <summary>Messages the intake dead-lettered (the payload, or one of its plans, was refused).</summary>
    public required IReadOnlyList<RunRejection> Rejections { get; init; }

    /// <summary>What became of each payload file's message.</summary>
    public required IReadOnlyList<RunPayload> Payloads { get; init; }

    /// <summary>Runtime failures: follow-up messages dead-lettered, messages abandoned too often, a run that did not finish or was interrupted.</summary>
    public required IReadOnlyList<RunError> Errors { get; init; }
}

internal sealed record RunTest
{
    public required string TestId { get; init; }

    public required string TestType { get; init; }

    public required string Target { get; init; }

    public required IReadOnlyList<RunAgent> Agents { get; init; }

    /// <summary>The verdict of the latest collected run: healthy, degraded, failing, inconclusive; null when no run was collected.</summary>
    public required string? Verdict { get; init; }

    public required IReadOnlyList<string> Reasons { get; init; }

    /// <summary>Where the latest collected run's fault starts (the verdict's location line); null when none was collected.</summary>
    public required RunLocation? Location { get; init; }

    public required string Rule { get; init; }

    public required string AlertId { get; init; }

    /// <summary>The payload file the test came from.</summary>
    public required string? Payload { get; init; }

    /// <summary>Every run (0 = creation, then reruns) with its verdict (null when not collected).</summary>
    public required IReadOnlyList<RunOfTest> Runs { get; init; }
}

/// <summary>The fault location of a run (InstantTestResults.location): layer, the rule that fired, the line and its evidence.</summary>
internal sealed record RunLocation
{
    public required string Layer { get; init; }

    public required string Rule { get; init; }

    public required string Summary { get; init; }

    public required IReadOnlyList<string> Evidence { get; init; }
}

internal sealed record RunAgent
{
    public required string AgentId { get; init; }

    public required string? AgentName { get; init; }

    public required string? CountryId { get; init; }

    /// <summary>This agent's verdict in the latest collected run; null when none was collected.</summary>
    public required string? Verdict { get; init; }
}

internal sealed record RunOfTest
{
    public required int Run { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required string? Verdict { get; init; }

    public required IReadOnlyList<string> Reasons { get; init; }
}

internal sealed record RunRejection
{
    public required string? Payload { get; init; }

    public required string Reason { get; init; }

    public required string Description { get; init; }
}

internal sealed record RunPayload
{
    public required string File { get; init; }

    public required string MessageId { get; init; }

    /// <summary>completed, deadLettered, duplicate (dropped by duplicate detection), or pending (the run stopped first).</summary>
    public required string Outcome { get; init; }

    public required string Detail { get; init; }
}

internal sealed record RunError
{
    /// <summary>intake, collect, rerun, or run (the run itself: a timeout or an interruption).</summary>
    public required string Stage { get; init; }

    public required string? MessageId { get; init; }

    public required string Reason { get; init; }

    public required string Description { get; init; }

    /// <summary>The root cause in the transport's or library's words ("Connection refused (127.0.0.1:5999)"); null when none was seen.</summary>
    public required string? Cause { get; init; }
}
