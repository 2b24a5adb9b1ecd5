// AlertProbe infrastructure. Subscription scope, as azd expects: the template creates the environment's
// resource group itself ("rg-<env>", tagged azd-env-name), so `azd up` needs nothing created beforehand
// and `azd down` removes one group.
targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('azd environment name; seeds the resource names.')
param environmentName string

// Regions that offer Flex Consumption, as Microsoft's Flex Consumption azd quickstart lists them
// (Azure-Samples/functions-quickstart-dotnet-azd, infra/main.bicep; its canary region eastus2euap left out).
// The authoritative, current list is `az functionapp list-flexconsumption-locations --runtime dotnet-isolated
// --runtime-version 10.0`; it cannot be queried from the build machine, so a region Microsoft adds later must
// be added here (the deployment then stops at validation instead of failing half-way).
@minLength(1)
@description('Region of every resource (one that offers Flex Consumption).')
@allowed([
  'australiaeast'
  'centralindia'
  'centralus'
  'eastasia'
  'eastus'
  'eastus2'
  'francecentral'
  'germanywestcentral'
  'northcentralus'
  'northeurope'
  'southcentralus'
  'southeastasia'
  'swedencentral'
  'uksouth'
  'westcentralus'
  'westeurope'
  'westus2'
])
@metadata({
  azd: {
    type: 'location'
  }
})
param location string

@description('Object id of the deploying user: may set Key Vault secrets and send to the alerts queue. Empty: no developer access.')
param principalId string = ''

@description('Kind of principalId. azd sets AZURE_PRINCIPAL_TYPE: User when you signed in, ServicePrincipal from CI. A role assignment with the wrong type fails.')
@allowed(['User', 'ServicePrincipal', 'Group'])
param principalType string = 'User'

@description('ThousandEyes API base URL.')
param thousandEyesBaseUrl string = 'https://api.thousandeyes.com/'

@allowed(['v6', 'v7'])
param thousandEyesApiVersion string = 'v7'

@description('ThousandEyes account group id (aid); empty uses the token\'s default account group.')
param thousandEyesAccountGroupId string = ''

@description('Any other app setting the app reads, as "Name=value" pairs separated by ";" (azd env ALERTPROBE_APP_SETTINGS), e.g. "Ingress__Slack__SigningSecretName=slack-signing-secret;TargetPolicy__AllowDomains__0=*.example.com". Names of Key Vault secrets, never secret values. Settings this template manages win.')
param appSettings string = ''

// Write-back credentials (docs/follow-up.md, "Writing back"): each the name of a Key Vault secret in this deployment's
// vault, read by the app with its identity; empty (the default) sets nothing. The destination's other settings (URL,
// user, From) are not secrets and go in ALERTPROBE_APP_SETTINGS.
@description('Key Vault secret name of the PagerDuty REST API key for incident notes (azd env WRITEBACK_PAGERDUTY_TOKEN_SECRET_NAME); empty: none.')
param writeBackPagerDutyTokenSecretName string = ''

@description('Key Vault secret name of the ServiceNow password for work notes, basic auth (azd env WRITEBACK_SERVICENOW_PASSWORD_SECRET_NAME); empty: none.')
param writeBackServiceNowPasswordSecretName string = ''

@description('Key Vault secret name of the ServiceNow OAuth token for work notes (azd env WRITEBACK_SERVICENOW_TOKEN_SECRET_NAME); empty: none.')
param writeBackServiceNowTokenSecretName string = ''

@description('Key Vault secret name of the Grafana service account token for annotations (azd env WRITEBACK_GRAFANA_TOKEN_SECRET_NAME); empty: none.')
param writeBackGrafanaTokenSecretName string = ''

@description('Key Vault secret name of the Jira API token for comments (azd env WRITEBACK_JIRA_TOKEN_SECRET_NAME); empty: none.')
param writeBackJiraTokenSecretName string = ''

// Flex Consumption's bounds for the maximum instance count (learn.microsoft.com/azure/azure-functions/
// flex-consumption-plan, Considerations > Scale: lowest maximum 40, highest 1000). Not checkable here whether a
// newer revision lowers the minimum; a lower value is refused at validation, not half-way through.
@description('Most instances the app scales out to (azd env FLEX_MAXIMUM_INSTANCE_COUNT).')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int = 40

@description('Key Vault purge protection (azd env KEY_VAULT_PURGE_PROTECTION). Off by default so `azd down --purge` frees the vault name for the next `azd up`; turn it on for production, where deleting the vault must be recoverable (it then blocks re-creating the environment for the retention period, see docs/deployment.md).')
param keyVaultPurgeProtection bool = false

@description('"recover" to bring back a soft-deleted vault of the same name (with its secrets) instead of creating one (azd env KEY_VAULT_CREATE_MODE); "default" otherwise.')
@allowed(['default', 'recover'])
param keyVaultCreateMode string = 'default'

@description('E-mail address for AlertProbe\'s alert rules (azd env ALERTPROBE_ALERT_EMAIL); empty: alerts show in the portal only.')
param alertEmail string = ''

@description('Deliveries before Service Bus dead-letters a message.')
@minValue(1)
param maxDeliveryCount int = 10

var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = { 'azd-env-name': environmentName }
var functionAppName = 'func-${resourceToken}'
var deploymentContainerName = 'deployment-package'

resource resourceGroup 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: 'rg-${environmentName}'
  location: location
  tags: tags
}

module identity 'modules/identity.bicep' = {
  name: 'identity'
  scope: resourceGroup
  params: {
    name: 'id-${resourceToken}'
    location: location
    tags: tags
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  scope: resourceGroup
  params: {
    logAnalyticsName: 'log-${resourceToken}'
    applicationInsightsName: 'appi-${resourceToken}'
    location: location
    tags: tags
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  scope: resourceGroup
  params: {
    name: 'st${resourceToken}'
    location: location
    tags: tags
    deploymentContainerName: deploymentContainerName
  }
}

module serviceBus 'modules/servicebus.bicep' = {
  name: 'serviceBus'
  scope: resourceGroup
  params: {
    name: 'sb-${resourceToken}'
    location: location
    tags: tags
    maxDeliveryCount: maxDeliveryCount
  }
}

module keyVault 'modules/keyvault.bicep' = {
  name: 'keyVault'
  scope: resourceGroup
  params: {
    name: 'kv-${resourceToken}'
    location: location
    tags: tags
    purgeProtection: keyVaultPurgeProtection
    createMode: keyVaultCreateMode
  }
}

// Roles before the app: the host must be able to reach storage and Service Bus when it first starts.
module roles 'modules/roles.bicep' = {
  name: 'roles'
  scope: resourceGroup
  params: {
    appPrincipalId: identity.outputs.principalId
    developerPrincipalId: principalId
    developerPrincipalType: principalType
    serviceBusNamespaceName: serviceBus.outputs.name
    alertsQueueName: serviceBus.outputs.alertsQueueName
    instantTestsTopicName: serviceBus.outputs.instantTestsTopicName
    collectSubscriptionName: serviceBus.outputs.collectSubscriptionName
    rerunSubscriptionName: serviceBus.outputs.rerunSubscriptionName
    testResultsTopicName: serviceBus.outputs.testResultsTopicName
    keyVaultName: keyVault.outputs.name
    storageAccountName: storage.outputs.name
    applicationInsightsName: monitoring.outputs.applicationInsightsName
  }
}

module functionApp 'modules/functionapp.bicep' = {
  name: 'functionApp'
  scope: resourceGroup
  dependsOn: [roles]
  params: {
    name: functionAppName
    planName: 'plan-${resourceToken}'
    location: location
    tags: tags
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    storageAccountName: storage.outputs.name
    storageBlobEndpoint: storage.outputs.blobEndpoint
    deploymentContainerName: deploymentContainerName
    ledgerServiceUri: storage.outputs.tableEndpoint
    applicationInsightsConnectionString: monitoring.outputs.applicationInsightsConnectionString
    serviceBusFullyQualifiedNamespace: serviceBus.outputs.fullyQualifiedNamespace
    alertsQueueName: serviceBus.outputs.alertsQueueName
    instantTestsTopicName: serviceBus.outputs.instantTestsTopicName
    collectSubscriptionName: serviceBus.outputs.collectSubscriptionName
    rerunSubscriptionName: serviceBus.outputs.rerunSubscriptionName
    testResultsTopicName: serviceBus.outputs.testResultsTopicName
    alertsMaxDeliveryCount: maxDeliveryCount
    keyVaultUri: keyVault.outputs.uri
    thousandEyesBaseUrl: thousandEyesBaseUrl
    thousandEyesApiVersion: thousandEyesApiVersion
    thousandEyesAccountGroupId: thousandEyesAccountGroupId
    operatorAppSettings: appSettings
    writeBackSecretNames: {
      PagerDuty__TokenSecretName: writeBackPagerDutyTokenSecretName
      ServiceNow__PasswordSecretName: writeBackServiceNowPasswordSecretName
      ServiceNow__TokenSecretName: writeBackServiceNowTokenSecretName
      Grafana__TokenSecretName: writeBackGrafanaTokenSecretName
      Jira__TokenSecretName: writeBackJiraTokenSecretName
    }
    maximumInstanceCount: maximumInstanceCount
  }
}

// The operator's view: alert rules (dead-letters, credential circuit, budget exhaustion) and a workbook.
module operations 'modules/operations.bicep' = {
  name: 'operations'
  scope: resourceGroup
  params: {
    location: location
    tags: tags
    serviceBusNamespaceName: serviceBus.outputs.name
    logAnalyticsWorkspaceId: monitoring.outputs.logAnalyticsWorkspaceId
    alertEmail: alertEmail
  }
}

// azd stores these in the environment (.azure/<env>/.env); none is a secret.
output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = resourceGroup.name
output AZURE_FUNCTION_NAME string = functionApp.outputs.name
output SERVICE_API_NAME string = functionApp.outputs.name
output SERVICE_API_URI string = 'https://${functionApp.outputs.defaultHostName}'
output AZURE_KEY_VAULT_NAME string = keyVault.outputs.name
output AZURE_KEY_VAULT_URI string = keyVault.outputs.uri
output SERVICEBUS_FULLY_QUALIFIED_NAMESPACE string = serviceBus.outputs.fullyQualifiedNamespace
output SERVICEBUS_NAMESPACE_NAME string = serviceBus.outputs.name
// "<topic>/<subscription>/<rule>" per filtered subscription, space-separated: the postprovision hook removes
// each one's '$Default' rule and checks the named rule is the only one left.
output SERVICEBUS_FILTERED_SUBSCRIPTIONS string = join([
  '${serviceBus.outputs.instantTestsTopicName}/${serviceBus.outputs.collectSubscriptionName}/${serviceBus.outputs.collectRuleName}'
  '${serviceBus.outputs.instantTestsTopicName}/${serviceBus.outputs.rerunSubscriptionName}/${serviceBus.outputs.rerunRuleName}'
], ' ')
output LEDGER_SERVICE_URI string = storage.outputs.tableEndpoint
