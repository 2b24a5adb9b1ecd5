// Every role assignment in one place, each at the narrowest scope the app needs.
//   app identity: own the queue and the two subscriptions its triggers read (receive, reschedule, and the
//   Manage claim scaling needs), send to both topics, read Key Vault secrets, own host blobs, read/write
//   ledger tables, publish telemetry.
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
  serviceBusDataOwner: '090c5cfd-751d-490a-894a-3ce6f1109419'
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

// --- Service Bus: the triggered entities -------------------------------------------------------------
// Data Owner, scoped to each entity a trigger reads (never the namespace). Sources:
// - Microsoft's role table for identity-based Service Bus triggers (learn.microsoft.com/azure/azure-functions/
//   functions-bindings-service-bus, identity-based connections) lists Data Receiver and Data Owner.
// - Receiving needs only Receiver, but scaling reads entity runtime properties, which needs the Manage claim
//   (Azure/azure-sdk-for-net, Microsoft.Azure.WebJobs.Extensions.ServiceBus, ServiceBusMetricsProvider):
//   GetMessageCountAsync - the count target-based scaling divides by the per-instance target, the scaling
//   Flex Consumption uses - logs "does not have 'Manage Claim'" and rethrows, so without it the trigger
//   cannot be scaled on its backlog; the older scale monitor falls back to a count of 1 and message age.
// Owner on the entity also covers sending rescheduled copies to the alerts queue. A topic trigger needs the role
// on the subscription, not the topic. Not checkable here: that Flex's platform scaler calls exactly this code;
// it reads with the trigger's connection (ServiceBus__*), so it gets the claim from this role either way.

resource ownAlerts 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(namespace::alertsQueue.id, appPrincipalId, roles.serviceBusDataOwner)
  scope: namespace::alertsQueue
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.serviceBusDataOwner)
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
  }
}

resource ownCollect 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(namespace::instantTests::collect.id, appPrincipalId, roles.serviceBusDataOwner)
  scope: namespace::instantTests::collect
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.serviceBusDataOwner)
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
  }
}

resource ownRerun 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(namespace::instantTests::rerun.id, appPrincipalId, roles.serviceBusDataOwner)
  scope: namespace::instantTests::rerun
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.serviceBusDataOwner)
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
  }
}

// --- Service Bus: publish to the topics ---------------------------------------------------------------

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
