using AlertProbe.ThousandEyes.Results;

namespace AlertProbe.Core.FollowUp.Verdicts;

/// <summary>The rows of one result family that belong to one run (one row per agent).</summary>
public sealed record FamilyResults(TestResultFamily Family, IReadOnlyList<TestResultRow> Rows);
