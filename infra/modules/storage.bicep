// One storage account for the Functions host (AzureWebJobsStorage, the Flex deployment package) and the
// ledger tables. Shared keys are disabled: every client uses Entra ID (the app's managed identity).
// The ledger creates its tables on first use (Ledger:CreateTables, names "<Ledger:TableNamePrefix><Kind>"),
// so none is declared here; its role (roles.bicep) allows creating tables.
// The 'rules' container is where an operator may put the rules file for the app to read and reload
// (Rules__Blob__ServiceUri, docs/deployment.md#rules). The app already holds Storage Blob Data Owner on this account
// for host storage (roles.bicep), which includes the Storage Blob Data Reader that reading rules needs, so no
// assignment of its own is added; a rules blob in another account needs Reader granted there.

param name string
param location string
param tags object

@description('Blob container that holds the Flex Consumption deployment package.')
param deploymentContainerName string

@description('Blob container for an optional rules file read with the app\'s identity (Rules__Blob__ContainerName).')
param rulesContainerName string = 'rules'

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    accessTier: 'Hot'
    allowBlobPublicAccess: false
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    publicNetworkAccess: 'Enabled'
  }

  resource blobs 'blobServices' = {
    name: 'default'

    resource deploymentContainer 'containers' = {
      name: deploymentContainerName
      properties: {
        publicAccess: 'None'
      }
    }

    resource rulesContainer 'containers' = {
      name: rulesContainerName
      properties: {
        publicAccess: 'None'
      }
    }
  }
}

output name string = storage.name
output blobEndpoint string = storage.properties.primaryEndpoints.blob
output rulesContainerName string = rulesContainerName
output tableEndpoint string = storage.properties.primaryEndpoints.table
