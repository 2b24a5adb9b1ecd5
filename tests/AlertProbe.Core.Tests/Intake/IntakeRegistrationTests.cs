using AlertProbe.Core.Intake;
using AlertProbe.Core.Outcomes;
using Azure.Messaging.ServiceBus;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AlertProbe.Core.Tests.Intake;

/// <summary>What <c>AddAlertIntake</c> registers, checked without any I/O (nothing is called at build or validation).</summary>
public sealed class IntakeRegistrationTests
{
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
        return new ServiceCollection()
            .AddAlertIntake(configuration)
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    [Fact]
    public async Task The_handler_resolves_with_every_dependency_and_the_settings_pass_start_up_validation()
    {
        await using var provider = Build([]);

        provider.GetRequiredService<IStartupValidator>().Validate();

        // A refused payload settles before any I/O: the resolved handler is wired to the planner and the settlement.
        var outcome = await provider.GetRequiredService<AlertIntakeHandler>().HandleAsync(
            ServiceBusModelFactory.ServiceBusReceivedMessage(body: BinaryData.FromString("{not json"), messageId: "registration-1"),
            CancellationToken.None);

        Assert.Equal(RejectionReasons.InvalidJson, Assert.IsType<IntakeOutcome.DeadLettered>(outcome).Reason);
    }

    [Fact]
    public async Task A_credential_circuit_period_out_of_range_fails_start_up_naming_the_setting()
    {
        await using var provider = Build(new() { ["Intake:CredentialCircuitOpenFor"] = "02:00:00" });

        var exception = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(nameof(IntakeOptions.CredentialCircuitOpenFor), exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_test_name_prefix_fails_start_up_naming_the_setting()
    {
        await using var provider = Build(new() { ["Intake:TestNamePrefix"] = "" });

        var exception = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(nameof(IntakeOptions.TestNamePrefix), exception.Message, StringComparison.Ordinal);
    }
}
