using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AlertProbe.Infra.Tests.Bicep;

namespace AlertProbe.Infra.Tests.Templates;

/// <summary>
/// The write-back credentials come from Key Vault: main.bicep's write-back parameters (azd env WRITEBACK_*_SECRET_NAME)
/// become the app's <c>WriteBack__*SecretName</c> settings, only those given. The settings are computed by the real
/// bicep (<c>bicep console</c>) from the function in infra/modules/appsettings.bicep, on the object main.bicep passes.
/// </summary>
public sealed partial class WriteBackSecretsTemplateTests
{
    private static readonly Dictionary<string, string> Given = new()
    {
        ["writeBackPagerDutyTokenSecretName"] = "pagerduty-api-key",
        ["writeBackServiceNowPasswordSecretName"] = "servicenow-password",
        ["writeBackServiceNowTokenSecretName"] = "servicenow-oauth-token",
        ["writeBackGrafanaTokenSecretName"] = "grafana-service-account-token",
        ["writeBackJiraTokenSecretName"] = "jira-api-token",
    };

    [Fact]
    public async Task A_deployment_given_the_write_back_secret_names_sets_exactly_those_settings()
    {
        var settings = await SettingsForAsync(Given);

        var expected = JsonNode.Parse("""
            {
              "WriteBack__PagerDuty__TokenSecretName": "pagerduty-api-key",
              "WriteBack__ServiceNow__PasswordSecretName": "servicenow-password",
              "WriteBack__ServiceNow__TokenSecretName": "servicenow-oauth-token",
              "WriteBack__Grafana__TokenSecretName": "grafana-service-account-token",
              "WriteBack__Jira__TokenSecretName": "jira-api-token"
            }
            """);
        Assert.True(JsonNode.DeepEquals(expected, settings), $"settings: {settings?.ToJsonString()}");
    }

    [Fact]
    public async Task A_deployment_without_them_sets_no_write_back_setting()
    {
        var settings = await SettingsForAsync(new Dictionary<string, string>());

        Assert.True(JsonNode.DeepEquals(new JsonObject(), settings), $"settings: {settings?.ToJsonString()}");
    }

    [Fact]
    public async Task Only_the_names_given_are_set()
    {
        var settings = await SettingsForAsync(new Dictionary<string, string> { ["writeBackJiraTokenSecretName"] = "jira-api-token" });

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"WriteBack__Jira__TokenSecretName":"jira-api-token"}"""), settings), $"settings: {settings?.ToJsonString()}");
    }

    [Fact]
    public async Task Each_parameter_comes_from_the_azd_environment_empty_by_default_and_reaches_the_app_settings()
    {
        var template = await CompiledTemplate.MainAsync();
        var settings = AppSettingsTemplate.Config(template).Deployment!;

        foreach (var parameter in Given.Keys)
        {
            Assert.Matches(@"^\$\{WRITEBACK_[A-Z_]+_SECRET_NAME=\}$", ParametersFile.Value(parameter) ?? "");
            Assert.Equal(string.Empty, (string?)template.Root["parameters"]?[parameter]?["defaultValue"]);
        }

        var functionApp = template.OfType("Microsoft.Resources/deployments").Single(deployment => deployment.Name == "functionApp");
        Assert.Equal("[parameters('writeBackSecretNames')]", (string?)settings.Properties?["parameters"]?["writeBackSecretNames"]?["value"]);
        Assert.Contains("__bicep.writeBackSecretSettings(parameters('writeBackSecretNames'))", (string?)settings.Properties?["template"]?["resources"]?["appSettings"]?["properties"] ?? "", StringComparison.Ordinal);
        Assert.Equal(Given.Count, functionApp.Properties?["parameters"]?["writeBackSecretNames"]?["value"]?.AsObject().Count);
    }

    [Fact]
    public async Task Every_setting_it_can_set_is_one_the_app_reads_and_the_guides_document()
    {
        var settings = (await SettingsForAsync(Given))!.AsObject();
        var sample = await File.ReadAllTextAsync(Path.Combine(BicepCli.RepositoryRoot, "local.settings.sample.json"));
        var guide = await File.ReadAllTextAsync(Path.Combine(BicepCli.RepositoryRoot, "docs", "deployment.md"));

        Assert.All(settings.Select(setting => setting.Key), name =>
            Assert.True(sample.Contains($"\"{name}\"", StringComparison.Ordinal) && guide.Contains(name, StringComparison.Ordinal), $"{name} is not in the sample settings and the deployment guide"));
    }

    /// <summary>The app settings a deployment with these parameter values gets from the write-back names (others empty, their default).</summary>
    private static async Task<JsonNode?> SettingsForAsync(IReadOnlyDictionary<string, string> values)
    {
        var template = await CompiledTemplate.MainAsync();
        var functionApp = template.OfType("Microsoft.Resources/deployments").Single(deployment => deployment.Name == "functionApp");
        var names = functionApp.Properties?["parameters"]?["writeBackSecretNames"]?["value"]?.AsObject()
            ?? throw new InvalidOperationException("main.bicep passes no writeBackSecretNames to the function app.");
        var entries = names.Select(pair =>
        {
            var parameter = ParameterReference().Match((string?)pair.Value ?? "");
            Assert.True(parameter.Success, $"{pair.Key} is not a parameter of main.bicep: {pair.Value}");
            return $"{pair.Key}: {AppSettingsFunction.Literal(values.GetValueOrDefault(parameter.Groups["name"].Value, string.Empty))}";
        });

        return await AppSettingsFunction.EvaluateFunctionAsync("appsettings.bicep", "writeBackSecretSettings", "{" + string.Join(", ", entries) + "}");
    }

    [GeneratedRegex(@"^\[parameters\('(?<name>\w+)'\)\]$")]
    private static partial Regex ParameterReference();
}
