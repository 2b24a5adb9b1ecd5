namespace AlertProbe.Core.Rules;

/// <summary>A loaded, validated, immutable set of rules, evaluated in order.</summary>
public sealed record RuleSet
{
    private readonly IReadOnlyList<Rule> rules = [];
    private RuleIndex? index;

    /// <summary>The file or resource the rules came from.</summary>
    public required string SourceName { get; init; }

    public required IReadOnlyList<Rule> Rules
    {
        get => rules;
        init
        {
            rules = value ?? throw new ArgumentNullException(nameof(value));

            // A copy made with 'with' gets new rules: the index of the old ones must not come along.
            index = null;
        }
    }

    /// <summary>The format version (1).</summary>
    public int Version { get; init; } = 1;

    public bool Equals(RuleSet? other) => ReferenceEquals(this, other)
        || (other is not null && SourceName == other.SourceName && Equals(rules, other.rules) && Version == other.Version);

    public override int GetHashCode() => HashCode.Combine(SourceName, rules, Version);

    /// <summary>Which rules an alert can match (built on first use, once).</summary>
    internal RuleIndex Index
    {
        get
        {
            var built = index;
            if (built is null)
            {
                built = RuleIndex.Build(rules);
                Interlocked.CompareExchange(ref index, built, null);
            }

            return built;
        }
    }
}
