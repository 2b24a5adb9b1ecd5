// Service Bus: the "alerts" work queue, the "instant-tests" topic (subscriptions "collect" and "rerun",
// chosen by SQL filters on application properties set by the publisher) and the "test-results" topic.
// Local (SAS) auth is disabled: senders and receivers use Entra ID roles (see roles.bicep).

param name string
param location string
param tags object

@description('Deliveries before Service Bus dead-letters a message (transient failures are retried by redelivery).')
@minValue(1)
param maxDeliveryCount int = 10

param alertsQueueName string = 'alerts'
param instantTestsTopicName string = 'instant-tests'
param collectSubscriptionName string = 'collect'
param rerunSubscriptionName string = 'rerun'
param testResultsTopicName string = 'test-results'

// Each filtered subscription's one rule has a name of its own, never the reserved '$Default': a rule
// deployed under that name can end with an empty rule list (terraform-provider-azurerm #20718 and field
// reports), and the subscription then silently receives nothing. Service Bus still creates '$Default'
// (a catch-all TrueFilter) with every new subscription; ARM cannot delete it, so the azd postprovision
// hook (infra/hooks/postprovision.sh) removes it and checks each subscription holds exactly its named rule.
param collectRuleName string = 'collect-requested'
param rerunRuleName string = 'rerun-requested'

// Every receiving entity uses peek-lock (the host renews the lock, host.json maxAutoLockRenewalDuration),
// MaxDeliveryCount as the last retry, and dead-letters expired messages. Written out per entity (no
// union()) so the compiled template stays readable and testable.
var lockDuration = 'PT1M'
var messageTimeToLive = 'P14D'

resource namespace 'Microsoft.ServiceBus/namespaces@2024-01-01' = {
  name: name
  location: location
  tags: tags
  sku: {
    // Topics need Standard or higher.
    name: 'Standard'
    tier: 'Standard'
  }
  properties: {
    disableLocalAuth: true
    minimumTlsVersion: '1.2'
    publicNetworkAccess: 'Enabled'
  }

  // Duplicate detection drops webhook deliveries the sender retried (ingress derives the MessageId from the
  // sender's delivery id). Rescheduled copies carry their own MessageId (`<original>:r<n>`), so they arrive.
  resource alertsQueue 'queues' = {
    name: alertsQueueName
    properties: {
      lockDuration: lockDuration
      maxDeliveryCount: maxDeliveryCount
      defaultMessageTimeToLive: messageTimeToLive
      deadLetteringOnMessageExpiration: true
      requiresDuplicateDetection: true
      duplicateDetectionHistoryTimeWindow: 'PT1H'
      requiresSession: false
    }
  }

  // MessageId = test id + run, so a republished InstantTestCreated (redelivered intake) is dropped here.
  resource instantTests 'topics' = {
    name: instantTestsTopicName
    properties: {
      requiresDuplicateDetection: true
      duplicateDetectionHistoryTimeWindow: 'PT1H'
      defaultMessageTimeToLive: messageTimeToLive
    }

    resource collect 'subscriptions' = {
      name: collectSubscriptionName
      properties: {
        lockDuration: lockDuration
        maxDeliveryCount: maxDeliveryCount
        defaultMessageTimeToLive: messageTimeToLive
        deadLetteringOnMessageExpiration: true
        deadLetteringOnFilterEvaluationExceptions: true
      }

      resource filter 'rules' = {
        name: collectRuleName
        properties: {
          filterType: 'SqlFilter'
          sqlFilter: {
            sqlExpression: 'collect = TRUE'
          }
        }
      }
    }

    resource rerun 'subscriptions' = {
      name: rerunSubscriptionName
      properties: {
        lockDuration: lockDuration
        maxDeliveryCount: maxDeliveryCount
        defaultMessageTimeToLive: messageTimeToLive
        deadLetteringOnMessageExpiration: true
        deadLetteringOnFilterEvaluationExceptions: true
      }

      resource filter 'rules' = {
        name: rerunRuleName
        properties: {
          filterType: 'SqlFilter'
          sqlFilter: {
            sqlExpression: 'rerun = TRUE'
          }
        }
      }
    }
  }

  resource testResults 'topics' = {
    // No subscription here: replies happen inside CollectResults, so nothing in the app reads this topic.
    // It is for consumers outside the app (add a subscription with a reader of its own); a topic without
    // subscriptions discards what it receives instead of filling a dead-letter queue nobody drains.
    name: testResultsTopicName
    properties: {
      requiresDuplicateDetection: true
      duplicateDetectionHistoryTimeWindow: 'PT1H'
      defaultMessageTimeToLive: messageTimeToLive
    }
  }
}

output name string = namespace.name
// e.g. "sb-xyz.servicebus.windows.net", from the endpoint so the template works in every cloud.
output fullyQualifiedNamespace string = split(replace(namespace.properties.serviceBusEndpoint, 'https://', ''), ':')[0]
output alertsQueueName string = namespace::alertsQueue.name
output instantTestsTopicName string = namespace::instantTests.name
output collectSubscriptionName string = namespace::instantTests::collect.name
output rerunSubscriptionName string = namespace::instantTests::rerun.name
output testResultsTopicName string = namespace::testResults.name
output collectRuleName string = namespace::instantTests::collect::filter.name
output rerunRuleName string = namespace::instantTests::rerun::filter.name
