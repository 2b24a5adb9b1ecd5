using AlertProbe.Core.Alerts;
using AlertProbe.Core.Outcomes;
using AlertProbe.Core.Planning;
using AlertProbe.Core.Rules;

namespace AlertProbe.Core.Tests.Planning;

public class RulePlannerTests
{
    private const string Rules = """
        version: 1
        defaults:
          agents: { labels: [probes], max: 2 }
          cooldown: 10m
          priority: 1
          accountGroupId: "77"
        rules:
          - name: blackbox-http
            match:
              sources: [alertmanager]
              labels: ['job="blackbox"', 'instance=~"https?://.*"']
            tests:
              - type: http-server
                url: "{{ labels.instance }}"
                name: "{{ alert.name }} {{ labels.instance | host }}"
              - type: agent-to-server
                server: "{{ labels.instance | hostport }}"
                protocol: tcp
                agents: { ids: ["113"] }
            priority: 5
            continue: true
          - name: checkout-team
            match:
              labels: ['service="checkout"']
            tests:
              - type: http-server
                url: https://checkout.example.com/health
          - name: never-reached
            match:
              labels: ['service="checkout"']
            tests:
              - type: dns-trace
                domain: checkout.example.com
          - name: resolution-watch
            match:
              status: resolved
              labels: ['service="payments"']
            tests:
              - type: http-server
                url: https://payments.example.com
          - name: payments
            match:
              labels: ['service="payments"']
            tests:
              - type: http-server
                url: "{{ customProperties.probeUrl }}"
              - type: agent-to-server
                server: "{{ target.host }}"
          - name: port-from-label
            match:
              labels: ['service="db"']
            tests:
              - type: agent-to-server
                server: "{{ labels.host }}"
                port: "{{ labels.port }}"
        """;

    private static readonly RulePlanner Planner = new(Load(Rules));

    [Fact]
    public void First_matching_rule_wins_when_it_does_not_continue()
    {
        var alert = new AlertBuilder().From(AlertSource.AzureMonitor).WithLabel("service", "checkout").Build();

        var result = Planner.Plan(alert);

        Assert.Equal(["checkout-team"], result.MatchedRules);
        var plan = Assert.Single(result.Plans);
        Assert.Equal("https://checkout.example.com/health", plan.Target);
    }

    [Fact]
    public void Continue_lets_later_rules_add_their_tests_and_priority_orders_the_plans()
    {
        var alert = new AlertBuilder()
            .WithLabel("job", "blackbox")
            .WithLabel("instance", "https://Shop.Example.com/")
            .WithLabel("service", "checkout")
            .Build();

        var result = Planner.Plan(alert);

        Assert.Equal(["blackbox-http", "checkout-team"], result.MatchedRules);
        Assert.Equal(
            [("blackbox-http", "http-server", "https://shop.example.com/"), ("blackbox-http", "agent-to-server", "shop.example.com:443"), ("checkout-team", "http-server", "https://checkout.example.com/health")],
            result.Plans.Select(plan => (plan.Rule, plan.TestType, plan.Target)));
        Assert.Equal([5, 5, 1], result.Plans.Select(plan => plan.Priority));
    }

    [Fact]
    public void Plan_carries_rendered_fields_agents_and_rule_settings()
    {
        var alert = new AlertBuilder()
            .WithId("fp-1")
            .Named("ProbeFailed")
            .WithSeverity(AlertSeverity.Error)
            .WithLabel("job", "blackbox")
            .WithLabel("instance", "https://shop.example.com:8443/health")
            .Build();

        var plans = Planner.Plan(alert).Plans;

        var http = plans[0];
        Assert.Equal(("fp-1", AlertSource.Alertmanager, AlertSeverity.Error), (http.AlertId, http.Source, http.Severity));
        Assert.Equal("""{"url":"https://shop.example.com:8443/health"}""", http.Fields.ToJsonString());
        Assert.Equal("ProbeFailed shop.example.com", http.TestName);
        Assert.Equal(["probes"], http.Agents.Labels);
        Assert.Equal(TimeSpan.FromMinutes(10), http.Cooldown);
        Assert.Equal("77", http.AccountGroupId);

        var tcp = plans[1];
        Assert.Equal("""{"server":"shop.example.com:8443","protocol":"tcp"}""", tcp.Fields.ToJsonString());
        Assert.Equal(["113"], tcp.Agents.Ids);
        Assert.Null(tcp.TestName);
    }

    [Fact]
    public void No_matching_rule_gives_nothing_and_says_so()
    {
        var result = Planner.Plan(new AlertBuilder().WithLabel("service", "other").Build());

        Assert.Empty(result.Plans);
        Assert.Empty(result.MatchedRules);
        Assert.Equal(["no rule matched"], result.Notes);
    }

    [Fact]
    public void Resolved_alert_matching_a_firing_rule_plans_nothing_and_notes_why()
    {
        var alert = new AlertBuilder().WithLabel("service", "checkout").Resolved().Build();

        var result = Planner.Plan(alert);

        Assert.Empty(result.Plans);
        Assert.Empty(result.MatchedRules);
        Assert.Contains("rule 'checkout-team' matches but the alert is resolved: no test", result.Notes);
    }

    [Fact]
    public void Resolved_alert_matching_a_resolved_rule_is_matched_but_starts_no_test()
    {
        var alert = new AlertBuilder().WithLabel("service", "payments").Resolved().Build();

        var result = Planner.Plan(alert);

        Assert.Equal(["resolution-watch"], result.MatchedRules);
        Assert.Empty(result.Plans);
        Assert.Empty(result.Rejections);
    }

    [Fact]
    public void Missing_custom_property_rejects_that_test_with_a_precise_description()
    {
        var alert = new AlertBuilder().WithLabel("service", "payments").WithHostTarget("pay.example.com").Build();

        var result = Planner.Plan(alert);

        var rejection = Assert.Single(result.Rejections);
        Assert.Equal(RejectionReasons.MissingField, rejection.Reason);
        Assert.Equal("rule 'payments' test 0 (http-server) field 'url': template '{{ customProperties.probeUrl }}': the alert has no custom property 'probeUrl' (or it is empty)", rejection.Description);
        Assert.Equal("pay.example.com", Assert.Single(result.Plans).Target);
    }

    [Fact]
    public void Missing_target_rejects_with_no_target()
    {
        var alert = new AlertBuilder().WithLabel("service", "payments").WithCustomProperty("probeUrl", "https://pay.example.com").Build();

        var rejection = Assert.Single(Planner.Plan(alert).Rejections);

        Assert.Equal(RejectionReasons.NoTarget, rejection.Reason);
        Assert.Contains("field 'server': template '{{ target.host }}': the alert has no host name or IP address target", rejection.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Rendered_port_becomes_a_number_and_joins_the_target()
    {
        var alert = new AlertBuilder().WithLabel("service", "db").WithLabel("host", "DB1.example.com").WithLabel("port", "5432").Build();

        var plan = Assert.Single(Planner.Plan(alert).Plans);

        Assert.Equal("""{"server":"DB1.example.com","port":5432}""", plan.Fields.ToJsonString());
        Assert.Equal("db1.example.com:5432", plan.Target);
    }

    [Fact]
    public void Non_numeric_port_is_an_invalid_field()
    {
        var alert = new AlertBuilder().WithLabel("service", "db").WithLabel("host", "db1.example.com").WithLabel("port", "postgres").Build();

        var rejection = Assert.Single(Planner.Plan(alert).Rejections);

        Assert.Equal(RejectionReasons.InvalidField, rejection.Reason);
        Assert.Contains("'port' must be a whole number, got 'postgres'", rejection.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Url_with_credentials_is_rejected_without_echoing_them()
    {
        var alert = new AlertBuilder().WithLabel("job", "blackbox").WithLabel("instance", "https://admin:s3cret@shop.example.com/").Build();

        var rejections = Planner.Plan(alert).Rejections;

        Assert.NotEmpty(rejections);
        Assert.All(rejections, rejection => Assert.DoesNotContain("s3cret", rejection.Description, StringComparison.Ordinal));
        Assert.Contains(rejections, rejection => rejection.Description.Contains("carries credentials", StringComparison.Ordinal));
    }

    [Fact]
    public void Label_holding_a_template_is_sent_literally()
    {
        var alert = new AlertBuilder()
            .WithLabel("job", "blackbox")
            .WithLabel("instance", "https://shop.example.com/{{ labels.secret }}")
            .WithLabel("secret", "hunter2")
            .Build();

        var plan = Planner.Plan(alert).Plans[0];

        Assert.DoesNotContain("hunter2", plan.Fields.ToJsonString(), StringComparison.Ordinal);
    }

    private static RuleSet Load(string yaml)
    {
        var result = RuleSetLoader.Load(yaml, "planner-tests.yaml");
        Assert.True(result.IsSuccess, result.ToString());
        return result.RuleSet;
    }
}
