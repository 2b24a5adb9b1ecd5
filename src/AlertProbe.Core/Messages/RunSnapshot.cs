namespace AlertProbe.Core.Messages;

/// <summary>
/// The shareable ThousandEyes snapshot of a degraded or failing run (results 1.2): its link, or why there is none —
/// then replies and write-backs link the run's app link (a login is needed to open it) and say why.
/// </summary>
public sealed record RunSnapshot
{
    /// <summary>The snapshot's <c>_links.appLink</c>; null when none could be made.</summary>
    public Uri? Link { get; init; }

    /// <summary>Why there is no snapshot ("ThousandEyes allows 5 snapshots per organisation per 5 minutes…"); null when made.</summary>
    public string? Unavailable { get; init; }
}
