// The Functions app on a Flex Consumption plan (Linux; .NET 10 isolated is not offered on Linux
// Consumption). Every connection is identity-based through the user-assigned identity: no secret and no
// connection string with a key is placed in app settings.

param name string
param planName string
param location string
param tags object

@description('azd finds the app to deploy by this tag (azure.yaml service name).')
param serviceName string = 'api'

param identityId string
param identityClientId string

param storageAccountName string
param storageBlobEndpoint string
param deploymentContainerName string
param ledgerServiceUri string

param applicationInsightsConnectionString string

param serviceBusFullyQualifiedNamespace string
param alertsQueueName string
param instantTestsTopicName string
param collectSubscriptionName string
param rerunSubscriptionName string
param testResultsTopicName string
@description('The alerts queue\'s maxDeliveryCount: the intake acts on the last delivery itself.')
param alertsMaxDeliveryCount int = 10

param keyVaultUri string

param thousandEyesBaseUrl string
@allowed(['v6', 'v7'])
param thousandEyesApiVersion string
param thousandEyesAccountGroupId string

@description('Operator settings from azd: "Name=value" pairs separated by ";" (ALERTPROBE_APP_SETTINGS); see appsettings.bicep.')
param operatorAppSettings string = ''

@description('Key Vault secret names of the write-back credentials, keyed by their setting under WriteBack__ (PagerDuty__TokenSecretName, ServiceNow__PasswordSecretName, ServiceNow__TokenSecretName, Grafana__TokenSecretName, Jira__TokenSecretName); an empty name sets nothing.')
param writeBackSecretNames object = {}


// Flex Consumption's bounds (flex-consumption-plan, Considerations > Scale), as in main.bicep.
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int = 40
@allowed([512, 2048, 4096])
param instanceMemoryMB int = 2048

// Defaults an operator may change (in azd's ALERTPROBE_APP_SETTINGS or by hand): below both in the merge.
var defaultAppSettings = {
  // The rules file the build packages with the app (rules/alertprobe.rules.yaml in the repository).
  Rules__Path: 'rules/alertprobe.rules.yaml'
}

var managedAppSettings = {
  // Host storage through the identity (Storage Blob Data Owner).
  AzureWebJobsStorage__accountName: storageAccountName
  AzureWebJobsStorage__credential: 'managedidentity'
  AzureWebJobsStorage__clientId: identityClientId

  APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsightsConnectionString
  APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identityClientId};Authorization=AAD'

  // DefaultAzureCredential / ManagedIdentityCredential pick the user-assigned identity from this.
  AZURE_CLIENT_ID: identityClientId

  // Connection "ServiceBus": the triggers (Functions host) and the app's publishers read the same settings.
  ServiceBus__fullyQualifiedNamespace: serviceBusFullyQualifiedNamespace
  ServiceBus__credential: 'managedidentity'
  ServiceBus__clientId: identityClientId

  // Entity names (MessagingOptions, IngressOptions).
  Messaging__AlertsQueueName: alertsQueueName
  Messaging__InstantTestsTopicName: instantTestsTopicName
  Messaging__CollectSubscriptionName: collectSubscriptionName
  Messaging__RerunSubscriptionName: rerunSubscriptionName
  Messaging__TestResultsTopicName: testResultsTopicName
  Messaging__AlertsMaxDeliveryCount: string(alertsMaxDeliveryCount)

  KeyVault__Uri: keyVaultUri
  KeyVault__ManagedIdentityClientId: identityClientId

  Ledger__ServiceUri: ledgerServiceUri
  Ledger__ClientId: identityClientId

  ThousandEyes__BaseUrl: thousandEyesBaseUrl
  ThousandEyes__ApiVersion: thousandEyesApiVersion
  ThousandEyes__AccountGroupId: thousandEyesAccountGroupId
}

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true
  }
}

resource app 'Microsoft.Web/sites@2024-04-01' = {
  name: name
  location: location
  tags: union(tags, { 'azd-service-name': serviceName })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storageBlobEndpoint}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
      // Flex sets the worker runtime here; FUNCTIONS_WORKER_RUNTIME / FUNCTIONS_EXTENSION_VERSION app
      // settings are rejected on this plan.
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
  }

  // Deployment (azd, OneDeploy) authenticates with Entra ID; basic publishing credentials stay off.
  resource scmCredentials 'basicPublishingCredentialsPolicies' = {
    name: 'scm'
    properties: {
      allow: false
    }
  }

  resource ftpCredentials 'basicPublishingCredentialsPolicies' = {
    name: 'ftp'
    properties: {
      allow: false
    }
  }
}

// What the app has now, read after the site exists (on the first deployment: nothing yet), merged in
// appsettings.bicep so that a provision never wipes a setting added outside azd.
resource currentAppSettings 'Microsoft.Web/sites/config@2024-04-01' existing = {
  parent: app
  name: 'appsettings'
}

module settings 'appsettings.bicep' = {
  name: '${deployment().name}-appsettings'
  params: {
    appName: app.name
    defaultAppSettings: defaultAppSettings
    currentAppSettings: currentAppSettings.list().properties
    operatorAppSettings: operatorAppSettings
    writeBackSecretNames: writeBackSecretNames
    managedAppSettings: managedAppSettings
  }
}

output name string = app.name
output defaultHostName string = app.properties.defaultHostName
