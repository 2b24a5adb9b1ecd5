namespace AlertProbe.Core.FollowUp.Verdicts;

/// <summary>
/// The row fields the verdict engine reads for one result family in one API version: measurements, the field naming
/// the failed phase, the field describing the error (their names differ by family: <c>errorDetails</c>,
/// SIP <c>problemDetail</c>, RTP <c>errorDetail</c>), text attributes that key or locate a row (<c>serverIp</c>,
/// DNS <c>server</c> and <c>mappings</c>, agent-to-agent <c>direction</c>) and the link to the row in the app
/// (v7 <c>_links</c>, an object holding <c>appLink.href</c>; v6 <c>permalink</c>, a URL string).
/// </summary>
public sealed record FamilyFields
{
    /// <summary>Numeric (or 0/1, boolean) fields: copied into the agent's metrics and compared with thresholds.</summary>
    public required IReadOnlyList<string> Measurements { get; init; }

    /// <summary>The field naming the phase that failed, when the family has one.</summary>
    public string? Phase { get; init; }

    /// <summary>The field describing the error, when the family has one.</summary>
    public string? Detail { get; init; }

    /// <summary>Text fields read as they are (addresses, server names, answers, direction).</summary>
    public IReadOnlyList<string> Attributes { get; init; } = [];

    /// <summary>The field linking the row to the app: <c>_links</c> (v7, an object) or <c>permalink</c> (v6, a string).</summary>
    public string? Link { get; init; }

    /// <summary>Every text field read: phase, detail and attributes.</summary>
    public IReadOnlyList<string> Texts => [.. new[] { Phase, Detail }.OfType<string>(), .. Attributes];

    /// <summary>Every field read, measurements first.</summary>
    public IReadOnlyList<string> All =>
        [.. Measurements, .. Texts, .. new[] { Link }.OfType<string>()];

    public bool Contains(string field) => All.Contains(field, StringComparer.Ordinal);
}
