// Every role assignment in one place, each at the narrowest scope the app needs.
//   app identity: receive from the queue and its subscriptions, send to the queue (reschedule) and both
//   topics, read Key Vault secrets, own host blobs, read/write ledger tables, publish telemetry.
//   developer (optional principalId): put secrets into Key Vault, drop messages on the queue.

@description('Principal id of the app\'s user-assigned identity.')
param appPrincipalId string

@description('Object id of a user allowed to set Key Vault secrets and send test messages. Empty: none.')
param developerPrincipalId string = ''

@description('Kind of developerPrincipalId: a signed-in user, or the service principal of a CI pipeline (azd passes AZURE_PRINCIPAL_TYPE).')
@allowed(['User', 'ServicePrincipal', 'Group'])
param developerPrincipalType string = 'User'

param serviceBusNamespaceName string
param alertsQueueName string
param instantTestsTopicName string
param collectSubscriptionName string
param rerunSubscriptionName string
param testResultsTopicName string
param keyVaultName string
param storageAccountName string
param applicationInsightsName string

var roles = {
  serviceBusDataReceiver: '4f6d3b9b-027b-4f4c-9142-0e5a2a2247e0'
  serviceBusDataSender: '69a216fc-b8fb-44d8-bc22-1f3c2cd27a39'
  keyVaultSecretsUser: '4633458b-17de-408a-b874-0445c86b69e6'
  keyVaultSecretsOfficer: 'b86a8fe4-44ce-4948-aee5-eccb2c155cd7'
  storageBlobDataOwner: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
  storageTableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
  monitoringMetricsPublisher: '3913510d-42f4-4e42-8a64-420c390055eb'
}

resource namespace 'Microsoft.ServiceBus/namespaces@2024-01-01' existing = {
  name: serviceBusNamespaceName

  resource alertsQueue 'queues' existing = {
    name: alertsQueueName
  }

  resource instantTests 'topics' existing = {
    name: instantTestsTopicName

    resource collect 'subscriptions' existing = {
      name: collectSubscriptionName
    }

    resource rerun 'subscriptions' existing = {
      name: rerunSubscriptionName
    }
  }

  resource testResults 'topics' existing = {
    name: testResultsTopicName
  }
}

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' existing = {
  name: keyVaultName
}

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageAccountName
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

// --- Service Bus: receive (triggers) ---------------------------------------------------------------
// A topic trigger needs the role over the subscription itself; the topic alone is not enough.

resource receiveAlerts 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(namespace::alertsQueue.id, appPrincipalId, roles.serviceBusDataReceiver)
  scope: namespace::alertsQueue
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.serviceBusDataReceiver)
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
  }
}

resource receiveCollect 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(namespace::instantTests::collect.id, appPrincipalId, roles.serviceBusDataReceiver)
  scope: namespace::instantTests::collect
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.serviceBusDataReceiver)
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
  }
}

resource receiveRerun 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(namespace::instantTests::rerun.id, appPrincipalId, roles.serviceBusDataReceiver)
  scope: namespace::instantTests::rerun
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.serviceBusDataReceiver)
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
  }
}

// --- Service Bus: send (reschedule on the queue, publish to the topics) ----------------------------

resource sendAlerts 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(namespace::alertsQueue.id, appPrincipalId, roles.serviceBusDataSender)
  scope: namespace::alertsQueue
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.serviceBusDataSender)
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
  }
}

resource sendInstantTests 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(namespace::instantTests.id, appPrincipalId, roles.serviceBusDataSender)
  scope: namespace::instantTests
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.serviceBusDataSender)
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
  }
}

resource sendTestResults 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(namespace::testResults.id, appPrincipalId, roles.serviceBusDataSender)
  scope: namespace::testResults
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.serviceBusDataSender)
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
  }
}

// --- Key Vault, storage, telemetry ---------------------------------------------------------------

resource readSecrets 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, appPrincipalId, roles.keyVaultSecretsUser)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.keyVaultSecretsUser)
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
  }
}

// Host storage: keys, leases and the deployment package live in blobs.
resource ownHostBlobs 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, appPrincipalId, roles.storageBlobDataOwner)
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageBlobDataOwner)
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
  }
}

// Account scope rather than per table: the ledger may create its table on first use, which a
// table-scoped assignment does not cover. The account holds nothing but this app's data.
resource writeLedger 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, appPrincipalId, roles.storageTableDataContributor)
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageTableDataContributor)
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
  }
}

resource publishTelemetry 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(applicationInsights.id, appPrincipalId, roles.monitoringMetricsPublisher)
  scope: applicationInsights
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.monitoringMetricsPublisher)
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
  }
}

// --- Developer (optional) ---------------------------------------------------------------------------

resource developerSetsSecrets 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(developerPrincipalId)) {
  name: guid(vault.id, developerPrincipalId, roles.keyVaultSecretsOfficer)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.keyVaultSecretsOfficer)
    principalId: developerPrincipalId
    principalType: developerPrincipalType
  }
}

resource developerSendsAlerts 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(developerPrincipalId)) {
  name: guid(namespace::alertsQueue.id, developerPrincipalId, roles.serviceBusDataSender)
  scope: namespace::alertsQueue
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.serviceBusDataSender)
    principalId: developerPrincipalId
    principalType: developerPrincipalType
  }
}
