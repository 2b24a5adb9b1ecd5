namespace AlertProbe.Core.Messages;

/// <summary>
/// Published on topic <c>instant-tests</c> once per run of an instant test: run 0 when AlertIntake creates it,
/// runs 1..n when RerunTests reruns it. Subscriptions <c>collect</c> and <c>rerun</c> pick it up.
/// Schema: <c>schemas/instant-test-created.v1.json</c>; compatible changes (new optional fields) keep major 1.
/// </summary>
public sealed record InstantTestCreated
{
    /// <summary>
    /// The version this code writes; readers accept any <c>1.x</c>. 1.1 added <see cref="WriteBack"/> and
    /// <c>followUp.writeBack</c>, 1.2 <c>coalescedAlerts[].receivedAt</c>, 1.3 <c>coalescedAlerts[].writeBack</c>.
    /// </summary>
    public const string CurrentSchemaVersion = "1.3";

    public string SchemaVersion { get; init; } = CurrentSchemaVersion;

    /// <summary>The ThousandEyes test id (a string in v7, an integer rendered as a string in v6).</summary>
    public required string TestId { get; init; }

    /// <summary>The instant test type as the API named it ("http-server", "agent-to-server", …).</summary>
    public required string TestType { get; init; }

    public required string TestName { get; init; }

    public required InstantTestApiVersion ApiVersion { get; init; }

    /// <summary>The main target (URL, host, host:port or domain) as planned.</summary>
    public required string Target { get; init; }

    public required IReadOnlyList<TestAgentRef> Agents { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>0 for the run that created the test; 1..n for reruns.</summary>
    public int Run { get; init; }

    /// <summary>Where the results of this test appear, one link per result family ("network", "http-server", …).</summary>
    public IReadOnlyList<ResultLink> ResultLinks { get; init; } = [];

    /// <summary>The account group (aid) the test lives in; null for the token's default group.</summary>
    public string? AccountGroupId { get; init; }

    public required TestTrigger Trigger { get; init; }

    public required FollowUpInstructions FollowUp { get; init; }

    /// <summary>Where to send the verdict; null when nobody asked for a reply.</summary>
    public ReplyAddress? ReplyTo { get; init; }

    /// <summary>
    /// Alerts for the same key that arrived while this test was pending and completed onto it (run 0 only; empty when
    /// none). Alerts that arrive once the test exists are recorded in the ledger, not here. Each one's records
    /// (<see cref="CoalescedAlert.WriteBack"/>, 1.3) are written back too, once per run per record.
    /// </summary>
    public IReadOnlyList<CoalescedAlert> CoalescedAlerts
    {
        get => _coalescedAlerts;
        // The source-generated reader sets a property absent from the JSON (an older message) to null, not to its initializer.
        init => _coalescedAlerts = value ?? [];
    }

    /// <summary>
    /// The records of the alert's own tool the verdict may be written back to (a PagerDuty incident, a ServiceNow
    /// incident, a Grafana dashboard, a Jira issue); empty when none. Sent only where <c>WriteBack</c> is configured.
    /// </summary>
    public IReadOnlyList<WriteBackTarget> WriteBack
    {
        get => _writeBack;
        init => _writeBack = value ?? [];
    }

    private readonly IReadOnlyList<CoalescedAlert> _coalescedAlerts = [];
    private readonly IReadOnlyList<WriteBackTarget> _writeBack = [];
}
