using AlertProbe.ThousandEyes.DependencyInjection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AlertProbe.Cli.Tests.LocalRun;

/// <summary>Half-set ThousandEyes settings are named, as the environment variables the CLI reads, before anything runs.</summary>
public sealed class CredentialSettingsTests
{
    [Fact]
    public async Task An_email_without_its_basic_token_names_the_missing_setting_and_not_key_vault()
    {
        var environment = new Dictionary<string, string?>
        {
            ["ThousandEyes__BaseUrl"] = "https://api.thousandeyes.example/",
            ["ThousandEyes__ApiVersion"] = "v6",
            ["ThousandEyes__Email"] = "ops@contoso.example",
        };

        var result = await CliProcess.RunAsync(environment, "run", "samples/alerts/grafana.json");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("ThousandEyes__BasicToken is not set", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("KeyVault", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Key Vault", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bearer_token_without_a_base_url_is_an_error_not_the_embedded_simulator()
    {
        var result = await CliInvocation.RunAsync(new Dictionary<string, string?> { ["ThousandEyes__BearerToken"] = "t0k3n" }, "run", "samples/alerts/grafana.json");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("ThousandEyes__BearerToken is set but ThousandEyes__BaseUrl is not", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("embedded simulator at", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("t0k3n", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_base_url_without_credentials_names_the_token_to_set()
    {
        var result = await CliInvocation.RunAsync(new Dictionary<string, string?> { ["ThousandEyes__BaseUrl"] = "https://api.thousandeyes.example/" }, "run", "samples/alerts/grafana.json");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("ThousandEyes__BearerToken is not", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_options_validator_names_only_the_missing_half_of_basic_auth()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ThousandEyes:BaseUrl"] = "https://api.thousandeyes.example/",
            ["ThousandEyes:ApiVersion"] = "v6",
            ["ThousandEyes:AuthScheme"] = "Basic",
            ["ThousandEyes:Email"] = "ops@contoso.example",
        }).Build();
        using var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddThousandEyesClient(configuration).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<AlertProbe.ThousandEyes.ThousandEyesOptions>>().Value);

        Assert.Contains("ThousandEyes:BasicToken is required for basic auth", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("ThousandEyes:Email and", error.Message, StringComparison.Ordinal);
    }
}
