namespace AlertProbe.Core.Rules;

/// <summary>Which alert states a rule matches (<c>match.status</c>; firing by default).</summary>
public enum RuleStatusFilter
{
    Firing,
    Resolved,
    Any,
}
