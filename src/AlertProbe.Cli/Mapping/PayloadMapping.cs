using AlertProbe.Core.Intake;

namespace AlertProbe.Cli.Mapping;

/// <summary>What <c>map</c> found: the planner's own result, the document it prints, and each plan beside its request.</summary>
internal sealed record PayloadMapping
{
    public required IntakePlan Plan { get; init; }

    public required MapDocument Document { get; init; }

    /// <summary>Plans whose request could be built, in the order the intake would create them.</summary>
    public required IReadOnlyList<(PlannedTest Test, MappedPlan Request)> Requests { get; init; }

    /// <summary>
    /// The intake would dead-letter the message: the payload was refused, or at least one plan was (the function
    /// still creates the other tests, then dead-letters with the first refusal's reason).
    /// </summary>
    public bool WouldDeadLetter => Plan.IsRejected || Document.Rejections.Count > 0;
}
