namespace AlertProbe.Core.FollowUp.Verdicts;

/// <summary>
/// The row fields the verdict engine reads for one result family in one API version: measurements, the field naming
/// the failed phase and the field describing the error (their names differ by family: <c>errorDetails</c>,
/// SIP <c>problemDetail</c>, RTP <c>errorDetail</c>).
/// </summary>
public sealed record FamilyFields
{
    /// <summary>Numeric (or 0/1, boolean) fields: copied into the agent's metrics and compared with thresholds.</summary>
    public required IReadOnlyList<string> Measurements { get; init; }

    /// <summary>The field naming the phase that failed, when the family has one.</summary>
    public string? Phase { get; init; }

    /// <summary>The field describing the error, when the family has one.</summary>
    public string? Detail { get; init; }

    /// <summary>Every field read, measurements first.</summary>
    public IReadOnlyList<string> All =>
        [.. Measurements, .. new[] { Phase, Detail }.OfType<string>()];

    public bool Contains(string field) => All.Contains(field, StringComparer.Ordinal);
}
