using AlertProbe.Core.Alerts;

namespace AlertProbe.Core.Rules;

/// <summary>
/// The <c>match</c> block of a rule. Every given condition must hold; an omitted condition matches anything
/// (except status, which defaults to firing).
/// </summary>
public sealed record RuleMatch
{
    /// <summary>Accepted sources; empty for any.</summary>
    public IReadOnlySet<AlertSource> Sources { get; init; } = new HashSet<AlertSource>();

    public RuleStatusFilter Status { get; init; } = RuleStatusFilter.Firing;

    /// <summary>Null for any severity.</summary>
    public SeverityCondition? Severity { get; init; }

    /// <summary>Prometheus-style matchers, all of which must match.</summary>
    public IReadOnlyList<LabelMatcher> Labels { get; init; } = [];

    /// <summary>When set, the alert must carry at least one candidate target of one of these kinds.</summary>
    public IReadOnlySet<AlertTargetKind> HasTarget { get; init; } = new HashSet<AlertTargetKind>();

    /// <summary>Everything except the status: source, severity, matchers, targets.</summary>
    public bool MatchesContent(Alert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        return (Sources.Count == 0 || Sources.Contains(alert.Source))
            && (Severity is null || Severity.Matches(alert.Severity))
            && (HasTarget.Count == 0 || alert.Targets.Any(target => HasTarget.Contains(target.Kind)))
            && Labels.All(matcher => matcher.Matches(alert));
    }

    public bool MatchesStatus(AlertStatus status) => Status switch
    {
        RuleStatusFilter.Any => true,
        RuleStatusFilter.Firing => status == AlertStatus.Firing,
        RuleStatusFilter.Resolved => status == AlertStatus.Resolved,
        _ => false,
    };

    public bool Matches(Alert alert) => MatchesStatus(alert.Status) && MatchesContent(alert);
}
