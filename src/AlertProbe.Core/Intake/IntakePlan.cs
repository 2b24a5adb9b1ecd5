using AlertProbe.Core.Alerts;
using AlertProbe.Core.Outcomes;

namespace AlertProbe.Core.Intake;

/// <summary>
/// What a payload asks for, decided without any I/O: the format, the normalised alerts, the tests that
/// passed the target policy, and every rejection with its reason. The intake handler acts on it; the
/// CLI's <c>map</c> prints it.
/// </summary>
public sealed record IntakePlan
{
    /// <summary>The detected format; null when the payload was refused before detection.</summary>
    public AlertSource? Format { get; init; }

    public IReadOnlyList<Alert> Alerts { get; init; } = [];

    public IReadOnlyList<PlannedTest> Tests { get; init; } = [];

    /// <summary>Plans refused by rules rendering or by the target policy (the payload itself was understood).</summary>
    public IReadOnlyList<Rejection> Rejections { get; init; } = [];

    /// <summary>Set when the payload as a whole was refused (invalid JSON, unknown format, …).</summary>
    public Rejection? PayloadRejection { get; init; }

    public IReadOnlyList<string> MatchedRules { get; init; } = [];

    public IReadOnlyList<string> Notes { get; init; } = [];

    public bool IsRejected => PayloadRejection is not null;
}
