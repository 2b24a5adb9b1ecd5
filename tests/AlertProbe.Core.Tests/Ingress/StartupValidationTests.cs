using AlertProbe.Core.FollowUp;
using AlertProbe.Core.Ingress;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AlertProbe.Core.Tests.Ingress;

/// <summary>
/// Settings that would weaken the replay bounds or send verdicts to a denied address stop the app at start-up, with
/// the setting's name in the message (what <c>ValidateOnStart</c> does when the host starts).
/// </summary>
public sealed class StartupValidationTests
{
    [Fact]
    public void The_default_settings_pass_start_up_validation()
    {
        using var provider = Build([]);

        provider.GetRequiredService<IStartupValidator>().Validate();
    }

    [Theory]
    [InlineData("Ingress:PagerDuty:MaxEventAge", "00:00:00", "Ingress:PagerDuty:MaxEventAge must be positive")]
    [InlineData("Ingress:PagerDuty:MaxEventAge", "-00:05:00", "Ingress:PagerDuty:MaxEventAge must be positive")]
    [InlineData("Ingress:PagerDuty:MaxEventAge", "7.00:00:00", "Ingress:PagerDuty:MaxEventAge must be at most 01:00:00")]
    [InlineData("Ingress:PagerDuty:MaxClockSkew", "00:00:00", "Ingress:PagerDuty:MaxClockSkew must be positive")]
    [InlineData("Ingress:PagerDuty:MaxClockSkew", "01:00:00", "Ingress:PagerDuty:MaxClockSkew must be at most 00:15:00")]
    [InlineData("Ingress:Teams:MaxMessageAge", "00:00:00", "Ingress:Teams:MaxMessageAge must be positive")]
    [InlineData("Ingress:Teams:MaxMessageAge", "10675199.02:48:05", "Ingress:Teams:MaxMessageAge must be at most 01:00:00")]
    [InlineData("Ingress:Grafana:MaxClockSkew", "1.00:00:00", "Ingress:Grafana:MaxClockSkew must be at most 00:15:00")]
    public void A_freshness_window_that_is_not_positive_or_too_long_stops_start_up_naming_the_setting(string key, string value, string expected)
    {
        using var provider = Build(new() { [key] = value });

        var exception = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(expected, exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://127.0.0.1./hook", "loopback")]
    [InlineData("https://hooks.internal.example/hook", "not an allowed reply host")]
    [InlineData("https://user:pw@hooks.slack.com/services/T1/B2/x", "credentials")]
    [InlineData("http://hooks.slack.com/services/T1/B2/x", "scheme 'http'")]
    [InlineData("https://[::ffff:a9fe:a9fe]/latest", "169.254.169.254")]
    public void A_default_reply_url_the_reply_policy_denies_stops_start_up_naming_the_setting(string url, string reason)
    {
        using var provider = Build(new() { ["FollowUp:Delivery:DefaultKind"] = "webhook", ["FollowUp:Delivery:DefaultUrl"] = url });

        var exception = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("FollowUp:Delivery:DefaultUrl is refused by the reply policy (ReplyPolicy)", exception.Message, StringComparison.Ordinal);
        Assert.Contains(reason, exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("pw@", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_teams_results_webhook_the_reply_policy_denies_stops_start_up_naming_the_setting()
    {
        using var provider = Build(new() { ["Ingress:Teams:ResultsWebhookUrl"] = "https://results.internal.example/hook" });

        var exception = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("Ingress:Teams:ResultsWebhookUrl is refused by the reply policy", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_default_reply_url_on_an_allowed_host_passes()
    {
        using var provider = Build(new()
        {
            ["FollowUp:Delivery:DefaultKind"] = "teams",
            ["FollowUp:Delivery:DefaultUrl"] = "https://prod-12.westeurope.logic.azure.com/workflows/abc/triggers/manual/paths/invoke",
        });

        provider.GetRequiredService<IStartupValidator>().Validate();
    }

    private static ServiceProvider Build(Dictionary<string, string?> overrides)
    {
        var settings = new Dictionary<string, string?>
        {
            ["ThousandEyes:BaseUrl"] = "http://127.0.0.1:9/",
            ["ThousandEyes:BearerToken"] = "registration-test-token",
            ["Messaging:Transport"] = "InMemory",
            ["Ledger:ConnectionString"] = "UseDevelopmentStorage=true",
        };
        foreach (var (key, value) in overrides)
        {
            settings[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddAlertProbeIngress(configuration).AddAlertProbeFollowUp(configuration);
        return services.BuildServiceProvider();
    }
}
