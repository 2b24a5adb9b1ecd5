using AlertProbe.Core.Ingress;
using AlertProbe.Core.Intake;
using AlertProbe.Core.Ledger;
using AlertProbe.Core.Messages;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AlertProbe.Core.Tests.Settings;

/// <summary>
/// The options checked by source-generated validators: a value their data annotations refuse stops the start-up, and
/// the message names the setting's key as an operator sets it (Section:Member), not only the property.
/// </summary>
public sealed class GeneratedValidatorTests
{
    public static TheoryData<string, string, string> BadValues() => new()
    {
        { "KeyVault:SecretCacheLifetime", "2.00:00:00", "KeyVault:SecretCacheLifetime: " },
        { "KeyVault:BearerTokenSecretName", "", "KeyVault:BearerTokenSecretName: " },
        { "Ledger:TableNamePrefix", "1-bad", "Ledger:TableNamePrefix: " },
        { "Ledger:IntakeLease", "00:00:01", "Ledger:IntakeLease: " },
        { "RateBudget:Limit", "0", "RateBudget:Limit: " },
        { "RateBudget:HighSeverityReservePercent", "101", "RateBudget:HighSeverityReservePercent: " },
        { "Messaging:AlertsQueueName", "no spaces allowed", "Messaging:AlertsQueueName: " },
        { "Messaging:AlertsMaxDeliveryCount", "0", "Messaging:AlertsMaxDeliveryCount: " },
        { "Intake:TestNamePrefix", new string('x', 41), "Intake:TestNamePrefix: " },
        { "Intake:StorageRetryFor", "00:00:10", "Intake:StorageRetryFor: " },
        { "Ingress:MaxBodyBytes", "10", "Ingress:MaxBodyBytes: " },
        { "Ingress:SecretCacheLifetime", "00:00:00", "Ingress:SecretCacheLifetime: " },
    };

    [Theory]
    [MemberData(nameof(BadValues))]
    public void A_value_the_annotations_refuse_stops_the_start_up_naming_the_key(string key, string value, string expected)
    {
        using var provider = Build(new() { [key] = value });

        var error = Record.Exception(() => provider.GetRequiredService<IStartupValidator>().Validate());

        // Several option groups can fail on one bad value (the ThousandEyes check reads the Key Vault settings): the
        // host reports them together.
        var failures = error is AggregateException many ? many.InnerExceptions : [Assert.IsType<OptionsValidationException>(error)];
        Assert.Contains(failures.OfType<OptionsValidationException>(), failure => failure.Message.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void The_default_values_pass()
    {
        using var provider = Build([]);

        provider.GetRequiredService<IStartupValidator>().Validate();

        Assert.Equal("alertprobe", provider.GetRequiredService<IOptions<LedgerOptions>>().Value.TableNamePrefix);
    }

    [Fact]
    public void A_cross_field_rule_still_applies_next_to_the_generated_validator()
    {
        using var provider = Build(new() { ["Messaging:TestResultsTopicName"] = "instant-tests" });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<MessagingOptions>>().Value);

        Assert.Contains("Messaging:InstantTestsTopicName and TestResultsTopicName must name different topics.", error.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Build(Dictionary<string, string?> overrides)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Ledger:ConnectionString"] = "UseDevelopmentStorage=true",
            ["Messaging:Transport"] = "InMemory",
            ["ThousandEyes:BaseUrl"] = "http://127.0.0.1:5080/",
            ["ThousandEyes:BearerToken"] = "validator-test-token",
        };
        foreach (var (key, value) in overrides)
        {
            settings[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging();
        // The intake brings the key vault, ledger, rate budget and messaging registrations.
        services.AddAlertIntake(configuration);
        services.AddAlertProbeIngress(configuration);
        return services.BuildServiceProvider();
    }
}
