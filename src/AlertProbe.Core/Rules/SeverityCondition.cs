using AlertProbe.Core.Alerts;

namespace AlertProbe.Core.Rules;

/// <summary>
/// <c>severity: {atLeast: warning}</c> (this severity or worse) or <c>severity: [critical, error]</c> (one of these).
/// An alert of <see cref="AlertSeverity.Unknown"/> severity only matches a list that names <c>unknown</c>.
/// </summary>
public sealed record SeverityCondition
{
    /// <summary>The least severe severity accepted, when the condition is "at least".</summary>
    public AlertSeverity? AtLeast { get; init; }

    /// <summary>The accepted severities, when the condition is a list.</summary>
    public IReadOnlySet<AlertSeverity> OneOf { get; init; } = new HashSet<AlertSeverity>();

    public bool Matches(AlertSeverity severity) => AtLeast is { } least
        ? severity != AlertSeverity.Unknown && severity <= least
        : OneOf.Contains(severity);

    public override string ToString() => AtLeast is { } least
        ? $"at least {RuleNames.Of(least)}"
        : $"one of {string.Join(", ", OneOf.Select(RuleNames.Of))}";
}
