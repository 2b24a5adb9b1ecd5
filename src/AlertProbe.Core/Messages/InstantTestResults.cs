namespace AlertProbe.Core.Messages;

/// <summary>
/// Published on topic <c>test-results</c> by CollectResults once per collected run: the per-agent summary and
/// the overall verdict. Schema: <c>schemas/instant-test-results.v1.json</c>.
/// </summary>
public sealed record InstantTestResults
{
    /// <summary>
    /// The version this code writes; readers accept any <c>1.x</c>. 1.1 added <see cref="Location"/>,
    /// <see cref="AppLink"/> and the per-agent server, direction, network, errors, findings, last hop and app link. 1.2 added <see cref="Snapshot"/>.
    /// </summary>
    public const string CurrentSchemaVersion = "1.2";

    public string SchemaVersion { get; init; } = CurrentSchemaVersion;

    public required string TestId { get; init; }

    public required string TestType { get; init; }

    /// <summary>The run these results belong to (0 = the creation run).</summary>
    public int Run { get; init; }

    public required string Target { get; init; }

    public required TestTrigger Trigger { get; init; }

    public required DateTimeOffset CollectedAt { get; init; }

    public required TestVerdict Verdict { get; init; }

    /// <summary>Why the verdict is what it is, in plain words, most important first.</summary>
    public IReadOnlyList<string> Reasons { get; init; } = [];

    public required IReadOnlyList<AgentResult> Agents { get; init; }

    /// <summary>Where the fault starts and the rule that said so; null when nothing was judged (no data).</summary>
    public FaultLocation? Location { get; init; }

    /// <summary>The run in the ThousandEyes app (a row's v7 <c>_links.appLink</c> or v6 <c>permalink</c>), when a row had one.</summary>
    public Uri? AppLink { get; init; }

    /// <summary>The shareable snapshot of a degraded or failing run, or why none was made (1.2); null for other verdicts.</summary>
    public RunSnapshot? Snapshot { get; init; }

    /// <summary>Result links and links for a human (e.g. the test in the ThousandEyes app).</summary>
    public IReadOnlyList<ResultLink> Links { get; init; } = [];
}
