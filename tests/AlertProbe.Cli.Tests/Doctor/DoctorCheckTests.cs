using AlertProbe.Cli.Doctor;
using AlertProbe.Testing;
using AlertProbe.Testing.Simulator;
using Microsoft.Extensions.Configuration;

namespace AlertProbe.Cli.Tests.Doctor;

/// <summary>
/// Each of the doctor's checks, passing and failing: ThousandEyes against the simulator on loopback, Key Vault, Service
/// Bus and refused Table Storage with their SDKs' clients mocked (no emulator runs here); reachable Table Storage
/// against Azurite is <see cref="DoctorLedgerTests"/>.
/// </summary>
public sealed class DoctorCheckTests
{
    private const string SecretValue = "te-token-that-must-never-be-printed";

    internal static IConfiguration Settings(Dictionary<string, string?> values) => new ConfigurationBuilder().AddInMemoryCollection(values).Build();

    private static CliContext Context() => new()
    {
        Out = TextWriter.Null,
        Error = TextWriter.Null,
        Environment = new Dictionary<string, string?>(),
        WorkingDirectory = RepositoryRoot.Path,
    };

    [Fact]
    public async Task Key_vault_passes_when_the_token_secret_is_readable_and_never_shows_its_value()
    {
        var fakes = new DoctorFakes();
        fakes.SecretHolds("thousandeyes-bearer-token", SecretValue);

        var result = await KeyVaultCheck.RunAsync(Settings(new() { ["KeyVault:Uri"] = "https://kv-alertprobe.vault.azure.net/" }), fakes, CancellationToken.None);

        Assert.Equal(DoctorStatus.Pass, result.Status);
        Assert.Contains("'thousandeyes-bearer-token'", result.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain(SecretValue, result.Detail + result.Fix, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(403, "Key Vault Secrets User")]
    [InlineData(404, "az keyvault secret set --vault-name kv-alertprobe --name thousandeyes-bearer-token")]
    public async Task Key_vault_fails_with_the_fix_for_a_refused_or_missing_secret(int status, string fix)
    {
        var fakes = new DoctorFakes();
        fakes.SecretFails(status);

        var result = await KeyVaultCheck.RunAsync(Settings(new() { ["KeyVault:Uri"] = "https://kv-alertprobe.vault.azure.net/" }), fakes, CancellationToken.None);

        Assert.Equal(DoctorStatus.Fail, result.Status);
        Assert.Contains(fix, result.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Key_vault_is_skipped_when_no_vault_is_configured()
    {
        var result = await KeyVaultCheck.RunAsync(Settings([]), new DoctorFakes(), CancellationToken.None);

        Assert.Equal(DoctorStatus.Skip, result.Status);
    }

    [Fact]
    public async Task Thousandeyes_passes_when_the_simulator_accepts_the_token()
    {
        await using var simulator = await SimulatorFixture.StartAsync();

        var result = await ThousandEyesCheck.RunAsync(TeSettings(simulator, simulator.Options.BearerToken), CancellationToken.None);

        Assert.True(result.Status == DoctorStatus.Pass, result.Detail);
        Assert.Contains("agent(s) visible", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Thousandeyes_fails_when_the_token_is_rejected_and_never_shows_it()
    {
        await using var simulator = await SimulatorFixture.StartAsync();

        var result = await ThousandEyesCheck.RunAsync(TeSettings(simulator, SecretValue), CancellationToken.None);

        Assert.Equal(DoctorStatus.Fail, result.Status);
        Assert.Contains("401", result.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain(SecretValue, result.Detail + result.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Service_bus_passes_when_entities_and_filters_are_as_deployed()
    {
        var fakes = new DoctorFakes();
        fakes.ServiceBusAsDeployed();

        var result = await ServiceBusCheck.RunAsync(Settings(new() { ["ServiceBus:fullyQualifiedNamespace"] = "sb-alertprobe.servicebus.windows.net" }), fakes, CancellationToken.None);

        Assert.True(result.Status == DoctorStatus.Pass, result.Detail);
    }

    [Theory]
    [InlineData("collect = FALSE", true, false, "has no rule 'collect = TRUE'")]
    [InlineData("collect = TRUE", true, true, "also takes every message (rule $Default)")]
    [InlineData("collect = TRUE", false, false, "queue 'alerts' missing")]
    public async Task Service_bus_fails_on_a_missing_entity_or_a_wrong_filter(string collectFilter, bool alertsQueue, bool defaultRuleLeft, string problem)
    {
        var fakes = new DoctorFakes();
        fakes.ServiceBusAsDeployed(collectFilter, alertsQueue, defaultRuleLeft);

        var result = await ServiceBusCheck.RunAsync(Settings(new() { ["ServiceBus:fullyQualifiedNamespace"] = "sb-alertprobe.servicebus.windows.net" }), fakes, CancellationToken.None);

        Assert.Equal(DoctorStatus.Fail, result.Status);
        Assert.Contains(problem, result.Detail, StringComparison.Ordinal);
        Assert.Contains("servicebus.bicep", result.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Service_bus_fails_when_not_configured()
    {
        var result = await ServiceBusCheck.RunAsync(Settings([]), new DoctorFakes(), CancellationToken.None);

        Assert.Equal(DoctorStatus.Fail, result.Status);
        Assert.Contains("ServiceBus__fullyQualifiedNamespace", result.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ledger_fails_with_the_role_to_grant_when_storage_refuses_the_identity()
    {
        var fakes = new DoctorFakes { Tables = DoctorFakes.TablesFailing(403) };

        var result = await LedgerCheck.RunAsync(Settings(new() { ["Ledger:ServiceUri"] = "https://stalertprobe.table.core.windows.net/" }), fakes, CancellationToken.None);

        Assert.Equal(DoctorStatus.Fail, result.Status);
        Assert.Contains("Storage Table Data Contributor", result.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Rules_pass_for_the_sample_rules()
    {
        var result = RulesCheck.Run(Settings(new() { ["Rules:Path"] = "samples/rules.yaml" }), Context());

        Assert.True(result.Status == DoctorStatus.Pass, result.Detail);
    }

    [Fact]
    public void Rules_fail_for_an_invalid_file_with_the_loaders_reason()
    {
        var path = Path.Combine(Path.GetTempPath(), $"alertprobe-bad-rules-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, "version: 1\nrules:\n  - name: [unclosed\n");
        try
        {
            var result = RulesCheck.Run(Settings(new() { ["Rules:Path"] = path }), Context());

            Assert.Equal(DoctorStatus.Fail, result.Status);
            Assert.Contains("alertprobe rules test", result.Fix, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Reply_hosts_pass_for_a_default_destination_on_an_allowed_host()
    {
        var result = ReplyHostsCheck.Run(Settings(new()
        {
            ["FollowUp:Delivery:DefaultKind"] = "Slack",
            ["FollowUp:Delivery:DefaultUrl"] = "https://hooks.slack.com/services/T0/B0/x",
        }));

        Assert.True(result.Status == DoctorStatus.Pass, result.Detail);
        Assert.DoesNotContain("/services/", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Reply_hosts_fail_for_a_default_destination_the_policy_refuses()
    {
        var result = ReplyHostsCheck.Run(Settings(new()
        {
            ["FollowUp:Delivery:DefaultKind"] = "Webhook",
            ["FollowUp:Delivery:DefaultUrl"] = "https://hooks.contoso.example/alertprobe",
        }));

        Assert.Equal(DoctorStatus.Fail, result.Status);
        Assert.Contains("ReplyPolicy__AllowedHosts", result.Fix, StringComparison.Ordinal);
    }

    private static IConfiguration TeSettings(SimulatorFixture simulator, string token) => Settings(new()
    {
        ["ThousandEyes:BaseUrl"] = simulator.BaseAddress.ToString(),
        ["ThousandEyes:BearerToken"] = token,
        ["ThousandEyes:MaxRetryAttempts"] = "0",
    });
}
