namespace AlertProbe.Core.Planning;

/// <summary>
/// A rule's <c>followUp.verdict</c>: what its tests' results are expected to show (DNS answers, HTTP status codes)
/// and thresholds replacing the configured <c>FollowUp:Thresholds</c> for these tests (by property name, e.g.
/// <c>lossFailingPercent</c>). Carried in <c>InstantTestCreated.followUp.verdict</c>; documented in docs/rules.md.
/// </summary>
public sealed record VerdictRules
{
    /// <summary>The DNS answers that are right; an answer outside them is a wrong (or hijacked) answer.</summary>
    public IReadOnlyList<string> ExpectedAnswers { get; init; } = [];

    /// <summary>HTTP/FTP codes that are success, checked on top of ThousandEyes' own errorType.</summary>
    public IReadOnlyList<int> StatusCodes { get; init; } = [];

    /// <summary>Threshold overrides by name (camelCase of <c>VerdictThresholds</c>' properties).</summary>
    public IReadOnlyDictionary<string, double> Thresholds { get; init; } = new Dictionary<string, double>();
}
