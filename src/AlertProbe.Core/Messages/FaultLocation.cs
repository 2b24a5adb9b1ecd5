namespace AlertProbe.Core.Messages;

/// <summary>
/// Where a run's fault starts, as a named rule concluded it from the rows (never guessed): the layer, a one-line
/// summary, the rule that fired and the evidence it used. Rules and their order: docs/follow-up.md.
/// </summary>
public sealed record FaultLocation
{
    /// <summary>
    /// <c>agent</c>, <c>dns</c>, <c>target</c>, <c>path</c>, <c>regional</c>, <c>address-family</c>,
    /// <c>probes-filtered</c>, or <c>none</c> (nothing to locate) / <c>unlocated</c> (no rule fired).
    /// </summary>
    public required string Layer { get; init; }

    /// <summary>The location line: "path: loss begins at hop 7, 203.0.113.9 (AS 3356)".</summary>
    public required string Summary { get; init; }

    /// <summary>The rule that fired, e.g. <c>path.shared-last-hop</c>.</summary>
    public required string Rule { get; init; }

    /// <summary>The facts the rule used, one per line.</summary>
    public IReadOnlyList<string> Evidence { get; init; } = [];
}
