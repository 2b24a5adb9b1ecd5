namespace AlertProbe.Infra.Tests.Hooks;

/// <summary>infra/hooks/preprovision.sh: ALERTPROBE_APP_SETTINGS is checked before anything deploys.</summary>
public sealed class PreprovisionHookTests : IDisposable
{
    private const string Script = "preprovision.sh";

    private readonly FakeAzureCli _az = new();

    [Theory]
    [InlineData("")]
    [InlineData("Rules__Path=rules/alertprobe.rules.yaml")]
    [InlineData(" Ingress__Slack__SigningSecretName = slack-signing-secret ;; TargetPolicy__AllowDomains__0=*.example.com; ")]
    [InlineData("FollowUp__Delivery__DefaultUrl=@Microsoft.KeyVault(SecretUri=https://kv.vault.azure.net/secrets/reply/)")]
    [InlineData("WriteBack__PagerDuty__From=oncall@example.com;WriteBack__PagerDuty__TokenSecretName=pagerduty-api-key;WriteBack__Jira__Url=https://example.atlassian.net/")]
    [InlineData("WriteBack__Jira__Url=https://example.atlassian.net/;WriteBack__Jira__Email=alertprobe@example.com;WriteBack__Jira__TokenSecretName=jira-api-token")]
    public async Task Well_formed_settings_pass(string settings)
    {
        var run = await RunAsync(settings);

        Assert.True(run.ExitCode == 0, run.Describe());
        Assert.Empty(_az.Calls);
    }

    [Fact]
    public async Task An_entry_without_a_value_is_refused_by_name()
    {
        var run = await RunAsync("Rules__Path=rules/a.yaml;TargetPolicy__AllowPrivateAddresses");

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("'TargetPolicy__AllowPrivateAddresses' has no '='", run.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_name_linux_app_settings_cannot_hold_is_refused()
    {
        var run = await RunAsync("TargetPolicy:AllowPrivateAddresses=false");

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("invalid app setting 'TargetPolicy:AllowPrivateAddresses'", run.StandardError, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Ingress__Slack__SigningSecret")]
    [InlineData("ThousandEyes__BearerToken")]
    [InlineData("ThousandEyes__Email")]
    [InlineData("Ledger__ConnectionString")]
    [InlineData("WriteBack__PagerDuty__Token")]
    [InlineData("WriteBack__ServiceNow__Password")]
    [InlineData("WriteBack__ServiceNow__Token")]
    [InlineData("WriteBack__Grafana__Token")]
    [InlineData("WriteBack__Jira__Token")]
    public async Task A_secret_value_is_refused_without_echoing_it(string name)
    {
        var run = await RunAsync($"{name}=do-not-print-this");

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains($"must not carry the secret '{name}'", run.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("do-not-print-this", run.StandardError + run.StandardOutput, StringComparison.Ordinal);
    }

    public void Dispose() => _az.Dispose();

    private Task<Bicep.BicepRun> RunAsync(string settings) =>
        HookScript.RunAsync(Script, _az, new Dictionary<string, string> { ["ALERTPROBE_APP_SETTINGS"] = settings });
}
