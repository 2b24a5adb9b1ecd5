namespace AlertProbe.Core.Rules;

/// <summary>A loaded, validated, immutable set of rules, evaluated in order.</summary>
public sealed record RuleSet
{
    /// <summary>The file or resource the rules came from.</summary>
    public required string SourceName { get; init; }

    public required IReadOnlyList<Rule> Rules { get; init; }

    /// <summary>The format version (1).</summary>
    public int Version { get; init; } = 1;
}
