using AlertProbe.Core.Alerts;
using AlertProbe.Core.Rules;
using AlertProbe.Core.Tests.Planning;

namespace AlertProbe.Core.Tests.Rules;

public class RuleMatchTests
{
    [Theory]
    [InlineData(AlertSeverity.Critical, true)]
    [InlineData(AlertSeverity.Error, true)]
    [InlineData(AlertSeverity.Warning, true)]
    [InlineData(AlertSeverity.Informational, false)]
    [InlineData(AlertSeverity.Verbose, false)]
    [InlineData(AlertSeverity.Unknown, false)]
    public void At_least_warning_means_warning_or_worse(AlertSeverity severity, bool expected)
    {
        var condition = new SeverityCondition { AtLeast = AlertSeverity.Warning };

        Assert.Equal(expected, condition.Matches(severity));
    }

    [Theory]
    [InlineData(AlertSeverity.Critical, true)]
    [InlineData(AlertSeverity.Error, false)]
    [InlineData(AlertSeverity.Unknown, true)]
    public void Severity_list_matches_only_its_members(AlertSeverity severity, bool expected)
    {
        var condition = new SeverityCondition { OneOf = new HashSet<AlertSeverity> { AlertSeverity.Critical, AlertSeverity.Unknown } };

        Assert.Equal(expected, condition.Matches(severity));
    }

    [Theory]
    [InlineData(RuleStatusFilter.Firing, AlertStatus.Firing, true)]
    [InlineData(RuleStatusFilter.Firing, AlertStatus.Resolved, false)]
    [InlineData(RuleStatusFilter.Resolved, AlertStatus.Resolved, true)]
    [InlineData(RuleStatusFilter.Resolved, AlertStatus.Firing, false)]
    [InlineData(RuleStatusFilter.Any, AlertStatus.Resolved, true)]
    public void Status_filter_selects_alert_states(RuleStatusFilter filter, AlertStatus status, bool expected)
    {
        Assert.Equal(expected, new RuleMatch { Status = filter }.MatchesStatus(status));
    }

    [Fact]
    public void Sources_restrict_and_empty_means_any()
    {
        var grafana = new AlertBuilder().From(AlertSource.Grafana).Build();

        Assert.True(new RuleMatch().MatchesContent(grafana));
        Assert.False(new RuleMatch { Sources = new HashSet<AlertSource> { AlertSource.Alertmanager } }.MatchesContent(grafana));
    }

    [Theory]
    [InlineData(AlertTargetKind.Url, true)]
    [InlineData(AlertTargetKind.IpAddress, false)]
    public void Has_target_requires_a_target_of_that_kind(AlertTargetKind kind, bool expected)
    {
        var alert = new AlertBuilder().WithUrlTarget("https://a.example").WithHostTarget("b.example").Build();

        Assert.Equal(expected, new RuleMatch { HasTarget = new HashSet<AlertTargetKind> { kind } }.MatchesContent(alert));
    }
}
