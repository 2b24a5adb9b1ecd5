using AlertProbe.Core.Messages;

namespace AlertProbe.Core.FollowUp.Verdicts;

/// <summary>
/// The judgement of one run: overall verdict, the reasons (most important first), each measurement's view, where
/// the fault starts (and the rule that said so) and the run's link into the ThousandEyes app.
/// </summary>
public sealed record RunVerdict(TestVerdict Verdict, IReadOnlyList<string> Reasons, IReadOnlyList<AgentResult> Agents)
{
    public FaultLocation? Location { get; init; }

    public Uri? AppLink { get; init; }

    /// <summary>True when localisation would read path traces (some measurement fails) and none were given.</summary>
    public bool NeedsPathTraces { get; init; }
}
