using AlertProbe.Core.Alerts;
using AlertProbe.Core.Planning;
using AlertProbe.Core.Rules;

namespace AlertProbe.Core.Tests.Rules;

public class RuleSetLoaderTests
{
    private const string Valid = """
        version: 1
        defaults:
          agents: { labels: [probes], max: 2 }
          cooldown: 15m
          followUp:
            collect: true
            rerun: { count: 2, interval: 5m }
        rules:
          - name: blackbox
            match:
              sources: [alertmanager, grafana]
              status: any
              severity: { atLeast: warning }
              labels:
                - 'job="blackbox"'
                - 'env!="dev"'
            tests:
              - type: http-server
                url: "{{ labels.instance | url }}"
                followRedirects: true
                name: "probe {{ alert.name }}"
              - type: dns-dnssec
                domain: "{{ labels.instance | host }}"
                agents: { ids: [113, "114"], countries: [de] }
            cooldown: PT2M
            priority: 5
            continue: true
            accountGroupId: 1234
          - name: pagerduty
            match:
              severity: [critical, error]
            tests:
              - type: agent-to-server
                server: checkout.example.com
                port: 443
            followUp: { collect: false }
        """;

    [Fact]
    public void Valid_file_loads_with_defaults_merged_into_each_rule()
    {
        var result = RuleSetLoader.Load(Valid, "rules.yaml");

        Assert.True(result.IsSuccess, result.ToString());
        var rules = result.RuleSet.Rules;
        Assert.Equal(["blackbox", "pagerduty"], rules.Select(rule => rule.Name));

        var blackbox = rules[0];
        Assert.Equal(TimeSpan.FromMinutes(2), blackbox.Cooldown);
        Assert.Equal(5, blackbox.Priority);
        Assert.True(blackbox.Continue);
        Assert.Equal("1234", blackbox.AccountGroupId);
        Assert.Equal(RuleStatusFilter.Any, blackbox.Match.Status);
        Assert.Equal(AlertSeverity.Warning, blackbox.Match.Severity?.AtLeast);
        Assert.Equal([AlertSource.Alertmanager, AlertSource.Grafana], blackbox.Match.Sources.Order());
        Assert.Equal(2, blackbox.Match.Labels.Count);
        Assert.Equal(new RerunPolicy(2, TimeSpan.FromMinutes(5), StopWhenResolved: true), blackbox.FollowUp.Rerun);
        Assert.Equal("rules.yaml:9:5", blackbox.Origin);

        Assert.Equal("http-server", blackbox.Tests[0].Type.Name);
        Assert.Equal(["probes"], blackbox.Tests[0].Agents.Labels);
        Assert.Equal(["url", "followRedirects"], blackbox.Tests[0].Fields.Select(field => field.Key));
        Assert.Equal("dnssec", blackbox.Tests[1].Type.Name);
        Assert.Equal(["113", "114"], blackbox.Tests[1].Agents.Ids);
        Assert.Equal(["DE"], blackbox.Tests[1].Agents.Countries);

        var pagerduty = rules[1];
        Assert.Equal(TimeSpan.FromMinutes(15), pagerduty.Cooldown);
        Assert.False(pagerduty.Continue);
        Assert.Equal(RuleStatusFilter.Firing, pagerduty.Match.Status);
        Assert.Equal(new FollowUpPolicy(Collect: false, Rerun: null), pagerduty.FollowUp);
    }

    [Theory]
    [InlineData("bgp", "rules.yaml:6:15: rules[0].tests[0].type: 'bgp' is not supported for instant tests")]
    [InlineData("ping", "rules.yaml:6:15: rules[0].tests[0].type: 'ping' is not an instant test type")]
    public void Unsupported_test_type_is_reported_at_its_line(string type, string expected)
    {
        var yaml = $"""
            version: 1
            defaults: {"{"} agents: {"{"} ids: ["1"] {"}"} {"}"}
            rules:
              - name: r
                tests:
                  - type: {type}
                    url: https://example.com
            """;

        var result = RuleSetLoader.Load(yaml, "rules.yaml");

        var error = Assert.Single(result.Errors);
        Assert.StartsWith(expected, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_page_load_rule_needs_only_what_every_api_version_requires()
    {
        // v6 also requires httpInterval; the request validator reports that when the client speaks v6.
        const string yaml = """
            version: 1
            defaults: { agents: { ids: ["1"] } }
            rules:
              - name: r
                tests:
                  - type: page-load
                    url: https://example.com
            """;

        var result = RuleSetLoader.Load(yaml, "rules.yaml");

        Assert.Empty(result.Errors);
    }

    public static TheoryData<string, string> BrokenRules => new()
    {
        { "  - name: r\n    tests:\n      - type: http-server\n        url: \"{{ labels.instance | upper }}\"\n", "8:14: rules[0].tests[0].url: template '{{ labels.instance | upper }}': unknown helper 'upper'" },
        { "  - name: r\n    tests:\n      - type: http-server\n        url: \"{{ label.instance }}\"\n", "8:14: rules[0].tests[0].url: template '{{ label.instance }}': unknown variable 'label.instance'" },
        { "  - name: r\n    match:\n      labels: ['service=checkout']\n    tests:\n      - type: http-server\n        url: https://a.example\n", "7:16: rules[0].match.labels[0]: matcher 'service=checkout': the value must be quoted" },
        { "  - name: r\n    match:\n      labels: ['service=~\"(\"']\n    tests:\n      - type: http-server\n        url: https://a.example\n", "7:16: rules[0].match.labels[0]: matcher 'service=~\"(\"': invalid regular expression" },
        { "  - name: r\n    tests:\n      - type: http-server\n", "7:9: rules[0].tests[0]: http-server needs the field 'url'" },
        { "  - name: r\n    tests:\n      - type: dns-server\n        domain: example.com\n", "7:9: rules[0].tests[0]: dns-server needs the field 'dnsServers'" },
        { "  - name: r\n    cooldown: 10 minutes\n    tests:\n      - type: http-server\n        url: https://a.example\n", "6:15: rules[0].cooldown: '10 minutes' is not a duration" },
        { "  - name: r\n    tests:\n      - type: http-server\n        url: https://a.example\n        interval: 60\n", "9:19: rules[0].tests[0].interval: 'interval' does not apply to instant tests" },
        { "  - name: r\n    tests:\n      - type: http-server\n        url: https://a.example\n    priorty: 3\n", "9:14: rules[0].priorty: unknown field 'priorty'" },
        { "  - name: r\n    match:\n      status: open\n    tests:\n      - type: http-server\n        url: https://a.example\n", "7:15: rules[0].match.status:" },
        { "  - name: r\n    match:\n      sources: [nagios]\n    tests:\n      - type: http-server\n        url: https://a.example\n", "7:17: rules[0].match.sources[0]:" },
        { "  - name: r\n    match:\n      severity: { atLeast: loud }\n    tests:\n      - type: http-server\n        url: https://a.example\n", "rules[0].match.severity.atLeast:" },
        { "  - name: r\n    followUp:\n      rerun: { count: 2, interval: 10s }\n    tests:\n      - type: http-server\n        url: https://a.example\n", "rules[0].followUp.rerun.interval: reruns must be at least 1m apart" },
        { "  - name: r\n    tests: []\n", "6:5: rules[0].tests: Value should have at least 1 items" },
        { "  - tests:\n      - type: http-server\n        url: https://a.example\n", "5:5: rules[0]:" },
    };

    [Theory]
    [MemberData(nameof(BrokenRules))]
    public void Each_kind_of_mistake_is_reported_with_line_column_and_path(string rules, string expected)
    {
        var yaml = "version: 1\ndefaults:\n  agents: { ids: [\"1\"] }\nrules:\n" + rules;

        var result = RuleSetLoader.Load(yaml, "rules.yaml");

        Assert.False(result.IsSuccess);
        Assert.Contains(result.Errors, error => error.ToString().Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void All_mistakes_are_reported_at_once_in_file_order()
    {
        const string yaml = """
            version: 1
            rules:
              - name: first
                tests:
                  - type: bgp
              - name: first
                tests:
                  - type: http-server
                    url: "{{ nope }}"
                    agents: { ids: ["1"] }
              - name: third
                cooldown: soon
                tests:
                  - type: agent-to-server
                    server: a.example
            """;

        var result = RuleSetLoader.Load(yaml, "rules.yaml");

        string[] expected =
        [
            "rules.yaml:5:9: rules[0].tests[0]: no agents",
            "rules.yaml:5:15: rules[0].tests[0].type: 'bgp' is not supported",
            "rules.yaml:6:11: rules[1].name: rule name 'first' is already used by rules[0]",
            "rules.yaml:9:14: rules[1].tests[0].url: template '{{ nope }}'",
            "rules.yaml:12:15: rules[2].cooldown: 'soon' is not a duration",
            "rules.yaml:14:9: rules[2].tests[0]: no agents",
        ];
        var actual = result.Errors.Select(error => error.ToString()).ToList();
        Assert.True(
            actual.Count == expected.Length && expected.Zip(actual).All(pair => pair.Second.StartsWith(pair.First, StringComparison.Ordinal)),
            "Errors were:\n" + string.Join("\n", actual));
    }

    [Theory]
    [InlineData("version: 1\nrules: [\n", "rules.yaml:3:1: not valid YAML")]
    [InlineData("", "the file is empty")]
    [InlineData("version: 2\nrules: []\n", "version")]
    [InlineData("version: 1\nversion: 1\nrules: []\n", "rules.yaml:2:1: not valid YAML: Duplicate key version")]
    [InlineData("- just\n- a list\n", "rules.yaml:1:1:")]
    public void Malformed_document_is_reported(string yaml, string expected)
    {
        var result = RuleSetLoader.Load(yaml, "rules.yaml");

        Assert.False(result.IsSuccess);
        Assert.Contains(result.Errors, error => error.ToString().Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Missing_file_is_an_error_value()
    {
        var path = Path.Combine(Path.GetTempPath(), $"alertprobe-missing-{Guid.NewGuid():N}.yaml");

        var result = RuleSetLoader.LoadFile(path);

        Assert.Contains("cannot read the rules file", Assert.Single(result.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Built_in_default_rules_load()
    {
        var ruleSet = RuleSetLoader.LoadDefault();

        Assert.NotEmpty(ruleSet.Rules);
    }

    [Fact]
    public void Quoted_numbers_stay_text_and_plain_ones_become_numbers()
    {
        const string yaml = """
            version: 1
            rules:
              - name: r
                tests:
                  - type: agent-to-server
                    server: a.example
                    port: 443
                    probeMode: "443"
                    agents: { ids: ["1"] }
            """;

        var fields = RuleSetLoader.Load(yaml, "rules.yaml").RuleSet!.Rules[0].Tests[0].Fields.ToDictionary();
        var alert = new Tests.Planning.AlertBuilder().Build();

        Assert.Equal("443", fields["port"].Render(alert, "port").Value!.ToJsonString());
        Assert.Equal("\"443\"", fields["probeMode"].Render(alert, "probeMode").Value!.ToJsonString());
    }
}
