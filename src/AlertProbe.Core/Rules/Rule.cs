using AlertProbe.Core.Planning;

namespace AlertProbe.Core.Rules;

/// <summary>One rule of a <see cref="RuleSet"/>, with the rule set's defaults already merged in.</summary>
public sealed record Rule
{
    /// <summary>Unique within the rule set; it appears in plans, messages and logs.</summary>
    public required string Name { get; init; }

    public required RuleMatch Match { get; init; }

    public required IReadOnlyList<TestTemplate> Tests { get; init; }

    public TimeSpan Cooldown { get; init; } = TimeSpan.FromMinutes(5);

    public FollowUpPolicy FollowUp { get; init; } = FollowUpPolicy.CollectOnce;

    public string? AccountGroupId { get; init; }

    public int Priority { get; init; }

    /// <summary>Keep evaluating later rules after this one matched (Alertmanager's <c>continue</c>).</summary>
    public bool Continue { get; init; }

    /// <summary>Where the rule is defined, e.g. "rules.yaml:12:3".</summary>
    public string Origin { get; init; } = string.Empty;
}
