using AlertProbe.Core.Messages;

namespace AlertProbe.Core.FollowUp.Verdicts;

/// <summary>The judgement of one run: overall verdict, the reasons (most important first) and each agent's view.</summary>
public sealed record RunVerdict(TestVerdict Verdict, IReadOnlyList<string> Reasons, IReadOnlyList<AgentResult> Agents);
