using AlertProbe.ThousandEyes;
using AlertProbe.ThousandEyes.Results;

namespace AlertProbe.Core.FollowUp.Verdicts;

/// <summary>The rows of one result family that belong to one run (one row per agent).</summary>
/// <param name="ApiVersion">The API version the rows came from: v6 and v7 name some fields differently (DNSSEC <c>valid</c> / <c>isValid</c>).</param>
public sealed record FamilyResults(TestResultFamily Family, IReadOnlyList<TestResultRow> Rows, ThousandEyesApiVersion ApiVersion);
