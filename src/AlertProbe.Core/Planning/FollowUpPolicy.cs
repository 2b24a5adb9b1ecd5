namespace AlertProbe.Core.Planning;

/// <summary>What happens after an instant test is created.</summary>
/// <param name="Collect">Collect the results of each run and report a verdict.</param>
/// <param name="Rerun">Rerun policy; null for a single run.</param>
/// <param name="Verdict">The rule's expectations and threshold overrides for the verdict; null: the configured defaults.</param>
/// <param name="WriteBack">The rule's <c>followUp.writeBack</c>: false never, true asked for, null wherever configured.</param>
public sealed record FollowUpPolicy(bool Collect, RerunPolicy? Rerun, VerdictRules? Verdict = null, bool? WriteBack = null)
{
    public static FollowUpPolicy CollectOnce { get; } = new(Collect: true, Rerun: null);
}

/// <summary>Rerun a test <paramref name="Count"/> more times, <paramref name="Interval"/> apart.</summary>
/// <param name="StopWhenResolved">Stop rerunning once the originating alert has resolved.</param>
public sealed record RerunPolicy(int Count, TimeSpan Interval, bool StopWhenResolved = true);
