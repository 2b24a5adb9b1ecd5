// Key Vault in RBAC mode. Secrets are NOT created here (a template would have to carry their values):
// an operator sets them after deployment, see docs/deployment.md for the names.

param name string
param location string
param tags object

// Re-creating an environment (`azd down` then `azd up`) reuses the vault name, and a soft-deleted vault keeps its
// name for the retention period. Decision: purge protection is a choice per environment, off by default, so
// `azd down --purge` purges the vault and the name is free again; with it on (production), `azd down --purge`
// cannot purge, and the way back is createMode 'recover', which restores the vault and its secrets under the
// same name. Purge protection cannot be switched off once on, and Key Vault refuses an explicit false, so it is
// set only when wanted.
@description('Purge protection: on for production (deleting the vault stays recoverable, the name stays taken).')
param purgeProtection bool = false

@description('"recover" restores a soft-deleted vault of this name with its secrets; "default" creates one.')
@allowed(['default', 'recover'])
param createMode string = 'default'

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: purgeProtection ? true : null
    createMode: createMode
    publicNetworkAccess: 'Enabled'
  }
}

output name string = vault.name
output uri string = vault.properties.vaultUri
