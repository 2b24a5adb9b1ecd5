using AlertProbe.Core.Alerts;
using AlertProbe.Core.Planning;
using AlertProbe.Core.Policy;
using AlertProbe.Core.Rules;
using AlertProbe.Testing;

namespace AlertProbe.Core.Tests.Rules;

/// <summary>The shipped sample rules load, and turn the shipped sample alerts into the plans they promise.</summary>
public class SampleRulesTests
{
    private static readonly Lazy<RuleSet> Sample = new(() =>
    {
        var result = RuleSetLoader.LoadFile(RepositoryRoot.Combine("samples", "rules.yaml"));
        Assert.True(result.IsSuccess, result.ToString());
        return result.RuleSet;
    });

    [Fact]
    public void Sample_rules_load()
    {
        Assert.NotEmpty(Sample.Value.Rules);
    }

    [Theory]
    [InlineData("alertmanager.json", "alertmanager-blackbox-http", "http-server", "https://pay.contoso.example/api/health")]
    [InlineData("alertmanager.json", "alertmanager-blackbox-tcp", "agent-to-server", "psp-gateway.contoso.example:443")]
    [InlineData("azure-monitor.json", "azure-monitor-probe-url", "http-server", "https://orders.contoso.example/healthz")]
    [InlineData("grafana.json", "grafana-url", "page-load", "https://www.contoso.example/")]
    [InlineData("pagerduty.json", "pagerduty-corporate-vpn", "agent-to-server", "vpn.contoso.example:443")]
    [InlineData("servicenow.json", "servicenow-cmdb-host", "agent-to-server", "files01.contoso.example")]
    public void Sample_alert_is_planned_by_its_sample_rule_and_passes_the_default_policy(string alertFile, string rule, string testType, string target)
    {
        var planner = new RulePlanner(Sample.Value);
        var policy = new TargetPolicy(new TargetPolicyOptions());

        var plans = ParseSample(alertFile).SelectMany(alert => planner.Plan(alert).Plans).ToList();

        var plan = Assert.Single(plans, plan => plan.Rule == rule && plan.TestType == testType);
        Assert.Equal(target, plan.Target);
        Assert.True(policy.Evaluate(plan).IsAllowed);
    }

    [Fact]
    public void Dns_rule_builds_a_dns_server_and_a_dns_trace_test()
    {
        var alert = new Planning.AlertBuilder().Named("DNSResolutionFailed").WithLabel("alertname", "DNSResolutionFailed").WithLabel("domain", "Shop.Contoso.Example").Build();

        var result = new RulePlanner(Sample.Value).Plan(alert);

        Assert.Equal(["dns-resolution"], result.MatchedRules);
        Assert.Equal(
            ["dns-server:shop.contoso.example A:{\"domain\":\"Shop.Contoso.Example A\",\"dnsServers\":[\"ns1.contoso.example\"]}", "dns-trace:shop.contoso.example:{\"domain\":\"Shop.Contoso.Example\"}"],
            result.Plans.Select(plan => $"{plan.TestType}:{plan.Target}:{plan.Fields.ToJsonString()}"));
    }

    private static IReadOnlyList<Alert> ParseSample(string file)
    {
        var body = File.ReadAllBytes(RepositoryRoot.Combine("samples", "alerts", file));
        var parsed = new AlertPayloadParser().Parse(body, PayloadHints.None);
        Assert.False(parsed.IsRejected, parsed.Rejection?.ToString());
        return parsed.Alerts;
    }
}
