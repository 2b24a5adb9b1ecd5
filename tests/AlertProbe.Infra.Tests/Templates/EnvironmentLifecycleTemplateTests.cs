using AlertProbe.Infra.Tests.Bicep;

namespace AlertProbe.Infra.Tests.Templates;

/// <summary>
/// What `azd down` then `azd up`, and the choice of region and scale, need from the template (issue 17, items 2 and 7).
/// </summary>
public sealed class EnvironmentLifecycleTemplateTests
{
    // Regions with Flex Consumption, as Microsoft's Flex Consumption azd quickstart lists them
    // (Azure-Samples/functions-quickstart-dotnet-azd, infra/main.bicep, less the canary region eastus2euap).
    private static readonly string[] FlexConsumptionRegions =
    [
        "australiaeast", "centralindia", "centralus", "eastasia", "eastus", "eastus2", "francecentral", "germanywestcentral",
        "northcentralus", "northeurope", "southcentralus", "southeastasia", "swedencentral", "uksouth", "westcentralus",
        "westeurope", "westus2",
    ];

    [Fact]
    public async Task Location_admits_only_flex_consumption_regions()
    {
        var template = await CompiledTemplate.MainAsync();
        var allowed = template.Root["parameters"]?["location"]?["allowedValues"]?.AsArray().Select(value => (string?)value).ToList();

        Assert.NotNull(allowed);
        Assert.Equal(FlexConsumptionRegions.Order(StringComparer.Ordinal), allowed!.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("functionApp")]
    public async Task Maximum_instance_count_stays_within_flex_consumptions_bounds(string? module)
    {
        // flex-consumption-plan (Considerations > Scale): lowest maximum 40, highest 1000.
        var template = await CompiledTemplate.MainAsync();
        var parameters = module is null
            ? template.Root["parameters"]
            : template.OfType("Microsoft.Resources/deployments").Single(deployment => deployment.Name == module).Properties?["template"]?["parameters"];
        var parameter = parameters?["maximumInstanceCount"];

        Assert.Equal(40, (int?)parameter?["minValue"]);
        Assert.Equal(1000, (int?)parameter?["maxValue"]);
    }

    [Fact]
    public async Task Maximum_instance_count_is_set_from_azd_and_reaches_the_plan()
    {
        var template = await CompiledTemplate.MainAsync();
        var site = template.Single("Microsoft.Web/sites");
        var functionApp = template.OfType("Microsoft.Resources/deployments").Single(deployment => deployment.Name == "functionApp");

        Assert.Equal("${FLEX_MAXIMUM_INSTANCE_COUNT=40}", ParametersFile.Value("maximumInstanceCount"));
        Assert.Equal("[parameters('maximumInstanceCount')]", (string?)functionApp.Properties?["parameters"]?["maximumInstanceCount"]?["value"]);
        Assert.Equal("[parameters('maximumInstanceCount')]", (string?)site.Properties?["functionAppConfig"]?["scaleAndConcurrency"]?["maximumInstanceCount"]);
    }

    [Fact]
    public async Task Vault_purge_protection_is_off_unless_asked_for_so_azd_down_purge_frees_the_name()
    {
        var template = await CompiledTemplate.MainAsync();
        var vault = template.Single("Microsoft.KeyVault/vaults");

        // Key Vault refuses an explicit false: the property is left out when purge protection is off.
        Assert.Equal("[if(parameters('purgeProtection'), true(), null())]", (string?)vault.Properties?["enablePurgeProtection"]);
        Assert.Equal("false", template.Root["parameters"]?["keyVaultPurgeProtection"]?["defaultValue"]?.ToJsonString());
        Assert.Equal("${KEY_VAULT_PURGE_PROTECTION=false}", ParametersFile.Value("keyVaultPurgeProtection"));
        Assert.True((bool?)vault.Properties?["enableSoftDelete"]);
    }

    [Fact]
    public async Task A_soft_deleted_vault_can_be_recovered_with_its_secrets_from_azd()
    {
        var template = await CompiledTemplate.MainAsync();
        var vault = template.Single("Microsoft.KeyVault/vaults");
        var allowed = template.Root["parameters"]?["keyVaultCreateMode"]?["allowedValues"]?.AsArray().Select(value => (string?)value);

        Assert.Equal("[parameters('createMode')]", (string?)vault.Properties?["createMode"]);
        Assert.Equal(["default", "recover"], allowed ?? []);
        Assert.Equal("${KEY_VAULT_CREATE_MODE=default}", ParametersFile.Value("keyVaultCreateMode"));
    }
}
