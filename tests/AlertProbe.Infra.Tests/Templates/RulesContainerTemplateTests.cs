using AlertProbe.Infra.Tests.Bicep;

namespace AlertProbe.Infra.Tests.Templates;

public sealed class RulesContainerTemplateTests
{
    [Fact]
    public async Task Storage_has_a_private_rules_container_named_like_the_settings_default()
    {
        var template = await CompiledTemplate.MainAsync();

        var container = template.Single("Microsoft.Storage/storageAccounts/blobServices/containers", "rulesContainerName");

        // Rules:Blob:ContainerName defaults to "rules" (RulesBlobOptions); the template's default must agree.
        Assert.Equal("rules", container.ParameterDefault("rulesContainerName"));
        Assert.Equal("None", (string?)container.Properties?["publicAccess"]);
    }
}
