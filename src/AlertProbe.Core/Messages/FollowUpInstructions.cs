using AlertProbe.Core.Planning;

namespace AlertProbe.Core.Messages;

/// <summary>The follow-up policy, as carried in messages.</summary>
public sealed record FollowUpInstructions
{
    /// <summary>Collect the results of each run and report a verdict.</summary>
    public required bool Collect { get; init; }

    /// <summary>Rerun policy; null for a single run.</summary>
    public RerunInstructions? Rerun { get; init; }

    /// <summary>The rule's expectations and threshold overrides for the verdict; null: the configured defaults.</summary>
    public VerdictRules? Verdict { get; init; }

    /// <summary>
    /// The rule's <c>followUp.writeBack</c>: false keeps its verdicts out of the alert's own tool, true asks for them
    /// there (a destination that is not configured is then named in the outcome); null: wherever configured.
    /// </summary>
    public bool? WriteBack { get; init; }

    public static FollowUpInstructions From(FollowUpPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return new FollowUpInstructions
        {
            Collect = policy.Collect,
            Rerun = policy.Rerun is { } rerun
                ? new RerunInstructions { Count = rerun.Count, Interval = rerun.Interval, StopWhenResolved = rerun.StopWhenResolved }
                : null,
            Verdict = policy.Verdict,
            WriteBack = policy.WriteBack,
        };
    }

    public FollowUpPolicy ToPolicy() =>
        new(Collect, Rerun is { } rerun ? new RerunPolicy(rerun.Count, rerun.Interval, rerun.StopWhenResolved) : null, Verdict, WriteBack);

    /// <summary>Whether another rerun is due after <paramref name="run"/> (runs are numbered 0..Count).</summary>
    public bool HasRerunAfter(int run) => Rerun is { } rerun && run < rerun.Count;
}
