using System.Text.Json.Nodes;
using AlertProbe.Infra.Tests.Bicep;

namespace AlertProbe.Infra.Tests.Templates;

public sealed class FunctionAppTemplateTests
{
    [Fact]
    public async Task Plan_is_flex_consumption()
    {
        var plan = (await CompiledTemplate.MainAsync()).Single("Microsoft.Web/serverfarms");

        Assert.Equal("FC1", (string?)plan.Body["sku"]?["name"]);
        Assert.Equal("FlexConsumption", (string?)plan.Body["sku"]?["tier"]);
    }

    [Fact]
    public async Task Function_app_runs_dotnet_isolated_10()
    {
        var runtime = (await CompiledTemplate.MainAsync()).Single("Microsoft.Web/sites").Properties?["functionAppConfig"]?["runtime"];

        Assert.Equal("dotnet-isolated", (string?)runtime?["name"]);
        Assert.Equal("10.0", (string?)runtime?["version"]);
    }

    [Fact]
    public async Task Deployment_package_storage_is_reached_with_the_user_assigned_identity()
    {
        var site = (await CompiledTemplate.MainAsync()).Single("Microsoft.Web/sites");
        var authentication = site.Properties?["functionAppConfig"]?["deployment"]?["storage"]?["authentication"];

        Assert.Equal("UserAssigned", (string?)site.Body["identity"]?["type"]);
        Assert.Equal("UserAssignedIdentity", (string?)authentication?["type"]);
        Assert.Equal("[parameters('identityId')]", (string?)authentication?["userAssignedIdentityResourceId"]);
    }

    [Theory]
    [InlineData("AzureWebJobsStorage__accountName")]
    [InlineData("ServiceBus__fullyQualifiedNamespace")]
    [InlineData("ServiceBus__clientId")]
    [InlineData("KeyVault__Uri")]
    [InlineData("KeyVault__ManagedIdentityClientId")]
    [InlineData("Ledger__ServiceUri")]
    [InlineData("Ledger__ClientId")]
    [InlineData("Messaging__AlertsQueueName")]
    [InlineData("Messaging__InstantTestsTopicName")]
    [InlineData("Messaging__TestResultsTopicName")]
    [InlineData("APPLICATIONINSIGHTS_CONNECTION_STRING")]
    [InlineData("APPLICATIONINSIGHTS_AUTHENTICATION_STRING")]
    [InlineData("ThousandEyes__ApiVersion")]
    public async Task App_setting_is_configured(string name)
    {
        var settings = await AppSettingsAsync();

        Assert.True(settings.ContainsKey(name), $"App setting {name} is missing.");
    }

    [Theory]
    [InlineData("AzureWebJobsStorage__credential")]
    [InlineData("ServiceBus__credential")]
    public async Task Connection_authenticates_with_the_managed_identity(string name)
    {
        var settings = await AppSettingsAsync();

        Assert.Equal("managedidentity", (string?)settings[name]);
    }

    [Fact]
    public async Task Only_connection_string_setting_is_the_application_insights_identifier()
    {
        var settings = await AppSettingsAsync();

        var connectionStrings = settings.Select(setting => setting.Key)
            .Where(name => name.Contains("ConnectionString", StringComparison.OrdinalIgnoreCase)
                || name.Contains("CONNECTION_STRING", StringComparison.Ordinal)
                || name is "ServiceBus" or "AzureWebJobsStorage");

        Assert.Equal(["APPLICATIONINSIGHTS_CONNECTION_STRING"], connectionStrings);
    }

    [Theory]
    [InlineData("FUNCTIONS_WORKER_RUNTIME")]
    [InlineData("FUNCTIONS_EXTENSION_VERSION")]
    public async Task App_settings_leave_out_what_flex_consumption_rejects(string name)
    {
        var settings = await AppSettingsAsync();

        Assert.False(settings.ContainsKey(name), $"Flex Consumption rejects the {name} app setting (the runtime is set in functionAppConfig).");
    }

    [Fact]
    public async Task The_app_learns_the_alerts_queue_max_delivery_count_from_the_parameter_that_sets_the_queue()
    {
        var template = await CompiledTemplate.MainAsync();
        var deployments = template.OfType("Microsoft.Resources/deployments");
        var functionApp = deployments.Single(deployment => deployment.Name == "functionApp");
        var serviceBus = deployments.Single(deployment => deployment.Name == "serviceBus");

        // The intake acts on the last delivery itself (Messaging__AlertsMaxDeliveryCount); a different figure from the
        // queue's would make it act too early or never.
        Assert.Equal("[parameters('maxDeliveryCount')]", (string?)serviceBus.Properties?["parameters"]?["maxDeliveryCount"]?["value"]);
        Assert.Equal("[parameters('maxDeliveryCount')]", (string?)functionApp.Properties?["parameters"]?["alertsMaxDeliveryCount"]?["value"]);
        Assert.Equal("[string(parameters('alertsMaxDeliveryCount'))]", (string?)(await AppSettingsAsync())["Messaging__AlertsMaxDeliveryCount"]);
    }

    private static async Task<JsonObject> AppSettingsAsync() => AppSettingsTemplate.Managed(await CompiledTemplate.MainAsync());
}
