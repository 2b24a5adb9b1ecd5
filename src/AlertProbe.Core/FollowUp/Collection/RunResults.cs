using AlertProbe.Core.FollowUp.Verdicts;
using AlertProbe.ThousandEyes.Errors;

namespace AlertProbe.Core.FollowUp.Collection;

/// <summary>
/// What a look at ThousandEyes found for one run: the rows per family (possibly empty), whether every expected agent
/// has reported in every family, or the error that stopped the look.
/// </summary>
public sealed record RunResults
{
    public IReadOnlyList<FamilyResults> Families { get; init; } = [];

    /// <summary>Every family has a row from every agent of the test.</summary>
    public bool IsComplete { get; init; }

    public bool HasAnyRows => Families.Any(family => family.Rows.Count > 0);

    public ThousandEyesError? Error { get; init; }
}
