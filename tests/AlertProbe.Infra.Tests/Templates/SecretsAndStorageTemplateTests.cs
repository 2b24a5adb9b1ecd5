using AlertProbe.Infra.Tests.Bicep;

namespace AlertProbe.Infra.Tests.Templates;

public sealed class SecretsAndStorageTemplateTests
{
    [Fact]
    public async Task Key_vault_authorises_with_rbac()
    {
        var vault = (await CompiledTemplate.MainAsync()).Single("Microsoft.KeyVault/vaults");

        Assert.True((bool?)vault.Properties?["enableRbacAuthorization"]);
    }

    [Fact]
    public async Task Template_creates_no_key_vault_secret()
    {
        var template = await CompiledTemplate.MainAsync();

        Assert.Empty(template.OfType("Microsoft.KeyVault/vaults/secrets"));
    }

    [Fact]
    public async Task Storage_account_refuses_shared_key_access()
    {
        var storage = (await CompiledTemplate.MainAsync()).Single("Microsoft.Storage/storageAccounts");

        Assert.False((bool?)storage.Properties?["allowSharedKeyAccess"]);
    }

    [Fact]
    public async Task Application_insights_accepts_only_entra_id_ingestion()
    {
        var component = (await CompiledTemplate.MainAsync()).Single("Microsoft.Insights/components");

        Assert.True((bool?)component.Properties?["DisableLocalAuth"]);
    }
}
