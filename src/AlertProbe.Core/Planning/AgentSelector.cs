namespace AlertProbe.Core.Planning;

/// <summary>
/// Which ThousandEyes agents to run from. Criteria of different kinds narrow each other (an agent must
/// satisfy every non-empty kind); values within one kind are alternatives. Explicit <see cref="Ids"/> are
/// taken as given, without looking at the agent list.
/// </summary>
public sealed record AgentSelector
{
    public IReadOnlyList<string> Ids { get; init; } = [];

    /// <summary>Agent names, matched case-insensitively.</summary>
    public IReadOnlyList<string> Names { get; init; } = [];

    /// <summary>Agent labels (v6 "groups").</summary>
    public IReadOnlyList<string> Labels { get; init; } = [];

    /// <summary>ISO 3166 alpha-2 country codes.</summary>
    public IReadOnlyList<string> Countries { get; init; } = [];

    /// <summary>Agent types: "cloud", "enterprise", "enterprise-cluster".</summary>
    public IReadOnlyList<string> Types { get; init; } = [];

    /// <summary>At most this many agents (after filtering, in a stable order).</summary>
    public int? Max { get; init; }

    public bool IsEmpty => Ids.Count == 0 && Names.Count == 0 && Labels.Count == 0 && Countries.Count == 0 && Types.Count == 0;
}
