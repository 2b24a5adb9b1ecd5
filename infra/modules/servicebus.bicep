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
param deliverySubscriptionName string = 'deliver'

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

      // Replaces the catch-all $Default rule that Service Bus creates with every subscription.
      resource filter 'rules' = {
        name: '$Default'
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
        name: '$Default'
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
    name: testResultsTopicName
    properties: {
      requiresDuplicateDetection: true
      duplicateDetectionHistoryTimeWindow: 'PT1H'
      defaultMessageTimeToLive: messageTimeToLive
    }

    // Every result is delivered (reply to the origin), so this subscription keeps the $Default rule.
    resource delivery 'subscriptions' = {
      name: deliverySubscriptionName
      properties: {
        lockDuration: lockDuration
        maxDeliveryCount: maxDeliveryCount
        defaultMessageTimeToLive: messageTimeToLive
        deadLetteringOnMessageExpiration: true
        deadLetteringOnFilterEvaluationExceptions: true
      }
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
output deliverySubscriptionName string = namespace::testResults::delivery.name
