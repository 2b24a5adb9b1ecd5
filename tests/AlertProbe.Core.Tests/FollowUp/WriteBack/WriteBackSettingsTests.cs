using AlertProbe.Core.FollowUp.Delivery;
using AlertProbe.Core.FollowUp.WriteBack;
using AlertProbe.Core.Rules;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AlertProbe.Core.Tests.FollowUp.WriteBack;

/// <summary>Write-back settings are validated at start-up (naming the setting), and a rule can opt out.</summary>
public sealed class WriteBackSettingsTests
{
    private const string Head = "version: 1\ndefaults:\n  agents: { ids: [\"1\"] }\nrules:\n  - name: r\n    tests:\n      - type: http-server\n        url: https://example.com/\n";

    [Theory]
    [InlineData("    followUp:\n      writeBack: false\n", false)]
    [InlineData("    followUp:\n      writeBack: true\n", true)]
    [InlineData("    followUp:\n      collect: true\n", null)]
    public void A_rules_followUp_writeBack_is_loaded(string followUp, bool? expected)
    {
        var result = RuleSetLoader.Load(Head + followUp, "rules.yaml");

        Assert.True(result.IsSuccess, string.Join("; ", result.Errors));
        Assert.Equal(expected, result.RuleSet!.Rules[0].FollowUp.WriteBack);
    }

    [Fact]
    public void A_non_boolean_writeBack_is_refused_at_load()
    {
        var result = RuleSetLoader.Load(Head + "    followUp:\n      writeBack: sometimes\n", "rules.yaml");

        Assert.False(result.IsSuccess);
    }

    [Theory]
    [InlineData("WriteBack:PagerDuty:Token", "pd-token-0123456789", "WriteBack:PagerDuty:From")]
    [InlineData("WriteBack:Jira:Url", "https://example.atlassian.net/", "WriteBack:Jira:Email")]
    [InlineData("WriteBack:Grafana:Url", "https://grafana.example.com/", "WriteBack:Grafana:Token")]
    [InlineData("WriteBack:ServiceNow:InstanceUrl", "https://example.service-now.com/", "WriteBack:ServiceNow needs either User")]
    public void A_destination_switched_on_without_its_credentials_stops_the_start_up_naming_the_setting(string setting, string value, string named)
    {
        var exception = Assert.Throws<OptionsValidationException>(() => Options(new() { [setting] = value }));

        Assert.Contains(named, exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://10.0.0.5/")]
    [InlineData("https://169.254.169.254/")]
    [InlineData("http://grafana.example.com/")]
    [InlineData("https://user:pass@grafana.example.com/")]
    public void A_write_back_url_the_reply_policy_refuses_stops_the_start_up(string url)
    {
        var exception = Assert.Throws<OptionsValidationException>(() => Options(new() { ["WriteBack:Grafana:Url"] = url, ["WriteBack:Grafana:Token"] = "glsa_0123456789abcdef" }));

        Assert.Contains("WriteBack:Grafana:Url is refused by the reply policy", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_secret_name_without_a_key_vault_stops_the_start_up()
    {
        var exception = Assert.Throws<OptionsValidationException>(() => Options(new()
        {
            ["WriteBack:Jira:Url"] = "https://example.atlassian.net/", ["WriteBack:Jira:Email"] = "bot@example.com", ["WriteBack:Jira:TokenSecretName"] = "jira-token",
        }));

        Assert.Contains("WriteBack:Jira:TokenSecretName is set but KeyVault:Uri is not", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Complete_settings_and_the_public_pagerduty_api_by_default_pass()
    {
        var options = Options(new()
        {
            ["WriteBack:PagerDuty:Token"] = "pd-token-0123456789", ["WriteBack:PagerDuty:From"] = "oncall@example.com",
            ["WriteBack:ServiceNow:InstanceUrl"] = "https://example.service-now.com/", ["WriteBack:ServiceNow:Token"] = "sn-oauth-0123456789",
            ["WriteBack:Jira:Url"] = "https://example.atlassian.net/", ["WriteBack:Jira:Email"] = "bot@example.com", ["WriteBack:Jira:TokenSecretName"] = "jira-token",
            ["KeyVault:Uri"] = "https://vault.example.net/",
        });

        Assert.Equal((new Uri("https://api.pagerduty.com/"), new Uri("https://vault.example.net/")), (options.PagerDuty.ApiUrl, options.KeyVaultUri!));
    }

    private static WriteBackOptions Options(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        services.AddReplyPolicy(configuration);
        services.AddWriteBack(configuration);
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IOptions<WriteBackOptions>>().Value;
    }
}

/// <summary>The planner carries the alert's own record to the plan, and the intake from there to <c>InstantTestCreated</c>.</summary>
public sealed class WriteBackPlanningTests
{
    [Fact]
    public void A_plan_for_a_pagerduty_incident_carries_the_incident_to_write_back_to()
    {
        var rules = RuleSetLoader.Load(
            "version: 1\nrules:\n  - name: pd\n    match: { sources: [pagerduty] }\n    tests:\n      - type: agent-to-server\n        server: vpn.example.com:443\n        agents: { ids: [\"113\"] }\n",
            "rules.yaml").RuleSet!;
        var alert = AlertProbe.Core.Tests.Alerts.AlertFixtures.Single(AlertProbe.Core.Tests.Alerts.AlertFixtures.Parse("pagerduty/triggered.json"));

        var plan = Assert.Single(new AlertProbe.Core.Planning.RulePlanner(rules).Plan(alert).Plans);

        var target = Assert.Single(plan.WriteBack);
        Assert.Equal((AlertProbe.Core.Messages.WriteBackKind.PagerDuty, "Q1W2E3R4T5Y6U7"), (target.Kind, target.Id));
    }
}
