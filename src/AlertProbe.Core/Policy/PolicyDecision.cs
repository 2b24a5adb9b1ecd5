using System.Diagnostics.CodeAnalysis;
using AlertProbe.Core.Outcomes;
using AlertProbe.Core.Planning;

namespace AlertProbe.Core.Policy;

/// <summary>
/// The target policy's verdict on a plan: allowed, with the plan rewritten to the canonical form of every address
/// it judged (what must be sent, so the agents connect to exactly what was checked), or a <see cref="Rejection"/>
/// saying why not.
/// </summary>
public sealed record PolicyDecision
{
    /// <summary>The plan to carry on with, its addresses in canonical form; null when denied.</summary>
    public TestPlan? Plan { get; private init; }

    public Rejection? Rejection { get; private init; }

    [MemberNotNullWhen(false, nameof(Rejection))]
    [MemberNotNullWhen(true, nameof(Plan))]
    public bool IsAllowed => Rejection is null;

    public static PolicyDecision Allowed(TestPlan canonical)
    {
        ArgumentNullException.ThrowIfNull(canonical);
        return new() { Plan = canonical };
    }

    public static PolicyDecision Denied(string reason, string description) => new() { Rejection = new Rejection(reason, description) };
}
