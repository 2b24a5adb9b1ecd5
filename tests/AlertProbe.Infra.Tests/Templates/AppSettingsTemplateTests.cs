using System.Text.Json.Nodes;
using AlertProbe.Infra.Tests.Bicep;

namespace AlertProbe.Infra.Tests.Templates;

/// <summary>
/// App settings survive a re-provision (merged with what the app has, not replaced) and every setting the app reads
/// can be set through azd (ALERTPROBE_APP_SETTINGS → appSettings → the appsettings module).
/// </summary>
public sealed class AppSettingsTemplateTests
{
    [Fact]
    public async Task App_settings_are_the_union_of_what_the_app_has_the_operators_settings_and_the_templates()
    {
        var config = AppSettingsTemplate.Config(await CompiledTemplate.MainAsync());
        var properties = (string?)config.Properties;

        // Order matters: later wins, so the template's wiring beats the parameters' settings (write-back secret names),
        // those beat the operator's, all beat portal values, and defaults (Rules__Path) only fill what nobody set.
        Assert.Equal(
            "[union(parameters('defaultAppSettings'), parameters('currentAppSettings'), __bicep.parseAppSettings(parameters('operatorAppSettings')), __bicep.writeBackSecretSettings(parameters('writeBackSecretNames')), parameters('managedAppSettings'))]",
            properties);
    }

    [Fact]
    public async Task Current_settings_are_read_from_the_site_after_it_exists()
    {
        var deployment = AppSettingsTemplate.Config(await CompiledTemplate.MainAsync()).Deployment!;
        var current = (string?)deployment.Properties?["parameters"]?["currentAppSettings"]?["value"];
        var dependsOn = deployment.Body["dependsOn"]?.AsArray().Select(node => (string?)node) ?? [];

        Assert.StartsWith("[list(resourceId('Microsoft.Web/sites/config', parameters('name'), 'appsettings'), ", current, StringComparison.Ordinal);
        Assert.EndsWith(").properties]", current, StringComparison.Ordinal);
        Assert.Contains("[resourceId('Microsoft.Web/sites', parameters('name'))]", dependsOn);
        Assert.Equal("secureObject", (string?)deployment.Properties?["template"]?["parameters"]?["currentAppSettings"]?["type"]);
    }

    [Fact]
    public async Task Operator_settings_travel_from_the_azd_environment_to_the_appsettings_module()
    {
        var template = await CompiledTemplate.MainAsync();
        var functionApp = template.OfType("Microsoft.Resources/deployments").Single(deployment => deployment.Name == "functionApp");
        var settings = AppSettingsTemplate.Config(template).Deployment!;

        Assert.Equal("${ALERTPROBE_APP_SETTINGS=}", ParametersFile.Value("appSettings"));
        Assert.Equal("[parameters('appSettings')]", (string?)functionApp.Properties?["parameters"]?["operatorAppSettings"]?["value"]);
        Assert.Equal("[parameters('operatorAppSettings')]", (string?)settings.Properties?["parameters"]?["operatorAppSettings"]?["value"]);
    }

    [Theory]
    [InlineData("", "{}")]
    [InlineData("Rules__Path=rules/alertprobe.rules.yaml", """{"Rules__Path":"rules/alertprobe.rules.yaml"}""")]
    [InlineData(" Ingress__Slack__SigningSecretName = slack-signing-secret ;; TargetPolicy__AllowDomains__0=*.example.com; ",
        """{"Ingress__Slack__SigningSecretName":"slack-signing-secret","TargetPolicy__AllowDomains__0":"*.example.com"}""")]
    [InlineData("AlertParsing__AzureMonitor__WebTestUrls__home=https://example.com/?a=1&b=2",
        """{"AlertParsing__AzureMonitor__WebTestUrls__home":"https://example.com/?a=1&b=2"}""")]
    public async Task Operator_settings_are_parsed_into_name_value_pairs(string pairs, string expected)
    {
        var parsed = await AppSettingsFunction.EvaluateAsync(pairs);

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), parsed), $"'{pairs}' parsed to {parsed?.ToJsonString()}.");
    }

    [Fact]
    public async Task An_operator_entry_without_a_value_fails_the_deployment_instead_of_vanishing()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => AppSettingsFunction.EvaluateAsync("Rules__Path"));

        Assert.Contains("substring", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rules_path_defaults_to_the_file_the_build_packages_and_the_sample_names()
    {
        var deployment = AppSettingsTemplate.Config(await CompiledTemplate.MainAsync()).Deployment!;
        var defaults = deployment.Properties?["parameters"]?["defaultAppSettings"]?["value"]?.ToString();
        var defaultsObject = deployment.Template["variables"]?["defaultAppSettings"];
        var sample = File.ReadAllText(Path.Combine(BicepCli.RepositoryRoot, "local.settings.sample.json"));

        Assert.Equal("[variables('defaultAppSettings')]", defaults);
        var path = (string?)defaultsObject?["Rules__Path"];
        Assert.Equal("rules/alertprobe.rules.yaml", path);
        Assert.Contains($"\"Rules__Path\": \"{path}\"", sample, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(BicepCli.RepositoryRoot, "rules", "alertprobe.rules.yaml")), "The rules file the app packages is missing.");
    }
}
