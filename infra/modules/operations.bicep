// The operator's view: alert rules and a workbook over what the app already emits (Service Bus metrics and the
// app's structured logs in the Log Analytics workspace). Log queries select records by the message template of
// the app's [LoggerMessage] ("{OriginalFormat}" in AppTraces.Properties, as the Application Insights logger
// records it); tests/AlertProbe.Functions.Tests (OperatorViewQueryTests) check every template below is one the
// app logs, so a reworded log message breaks a test, not the alert. That the logger stores "{OriginalFormat}"
// under that name in AppTraces cannot be checked from this machine.

param location string
param tags object

param serviceBusNamespaceName string
param logAnalyticsWorkspaceId string

@description('E-mail address that receives the alerts; empty: the alert rules fire in the portal only.')
param alertEmail string = ''

// Start of the message templates the queries match (exact text of the app's log templates).
var logTemplates = {
  credentialsRejected: 'ThousandEyes rejected the credentials after a fresh secret read'
  budgetExhausted: 'Instant-test budget exhausted for'
  intakePlanned: 'Message {MessageId}: {Format} payload with {AlertCount} alert(s) planned {TestCount} test(s)'
  deadLettered: '{Function} dead-lettered message {MessageId}'
  verdictDelivered: 'Delivered the verdict of test {TestId}'
}

resource namespace 'Microsoft.ServiceBus/namespaces@2024-01-01' existing = {
  name: serviceBusNamespaceName
}

// Service Bus metrics into the workspace too, so the workbook can chart dead-letters next to the app's logs.
resource serviceBusDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: namespace
  properties: {
    workspaceId: logAnalyticsWorkspaceId
    metrics: [
      {
        category: 'AllMetrics'
        enabled: true
      }
    ]
  }
}

resource actionGroup 'Microsoft.Insights/actionGroups@2023-01-01' = if (!empty(alertEmail)) {
  name: 'ag-alertprobe'
  location: 'global'
  tags: tags
  properties: {
    groupShortName: 'alertprobe'
    enabled: true
    emailReceivers: [
      {
        name: 'operator'
        emailAddress: alertEmail
        useCommonAlertSchema: true
      }
    ]
  }
}

var actions = empty(alertEmail) ? [] : [
  {
    actionGroupId: actionGroup.id
  }
]

// Any message dead-lettered on any entity: bad input or exhausted redelivery; nothing drains these queues.
resource deadLetters 'Microsoft.Insights/metricAlerts@2018-03-01' = {
  name: 'alertprobe-dead-letters'
  location: 'global'
  tags: tags
  properties: {
    description: 'A Service Bus entity of AlertProbe holds dead-lettered messages (see DeadLetterReason in Service Bus Explorer).'
    severity: 2
    enabled: true
    scopes: [
      namespace.id
    ]
    evaluationFrequency: 'PT5M'
    windowSize: 'PT15M'
    criteria: {
      'odata.type': 'Microsoft.Azure.Monitor.SingleResourceMultipleMetricCriteria'
      allOf: [
        {
          criterionType: 'StaticThresholdCriterion'
          name: 'dead-lettered'
          metricNamespace: 'Microsoft.ServiceBus/namespaces'
          metricName: 'DeadletteredMessages'
          dimensions: [
            {
              name: 'EntityName'
              operator: 'Include'
              values: ['*']
            }
          ]
          operator: 'GreaterThan'
          threshold: 0
          timeAggregation: 'Maximum'
        }
      ]
    }
    actions: actions
  }
}

// The credential circuit opened: ThousandEyes refused even a freshly read token; intake pauses.
resource credentialCircuit 'Microsoft.Insights/scheduledQueryRules@2023-03-15-preview' = {
  name: 'alertprobe-credential-circuit-open'
  location: location
  tags: tags
  properties: {
    description: 'ThousandEyes rejected the credentials after a fresh read; intake stopped calling it. Check the token secret in Key Vault.'
    severity: 1
    enabled: true
    scopes: [
      logAnalyticsWorkspaceId
    ]
    evaluationFrequency: 'PT5M'
    windowSize: 'PT5M'
    criteria: {
      allOf: [
        {
          query: 'AppTraces | where tostring(Properties["{OriginalFormat}"]) startswith "${logTemplates.credentialsRejected}"'
          timeAggregation: 'Count'
          operator: 'GreaterThan'
          threshold: 0
          failingPeriods: {
            numberOfEvaluationPeriods: 1
            minFailingPeriodsToAlert: 1
          }
        }
      ]
    }
    actions: {
      actionGroups: empty(alertEmail) ? [] : [actionGroup.id]
    }
  }
}

// The instant-test budget ran out repeatedly: alerts wait for the next window (rescheduled, not lost).
resource budgetExhausted 'Microsoft.Insights/scheduledQueryRules@2023-03-15-preview' = {
  name: 'alertprobe-budget-exhausted'
  location: location
  tags: tags
  properties: {
    description: 'The ThousandEyes instant-test budget was exhausted in three 5-minute periods out of three; alerts are delayed to later windows.'
    severity: 3
    enabled: true
    scopes: [
      logAnalyticsWorkspaceId
    ]
    evaluationFrequency: 'PT5M'
    windowSize: 'PT5M'
    criteria: {
      allOf: [
        {
          query: 'AppTraces | where tostring(Properties["{OriginalFormat}"]) startswith "${logTemplates.budgetExhausted}"'
          timeAggregation: 'Count'
          operator: 'GreaterThan'
          threshold: 0
          failingPeriods: {
            numberOfEvaluationPeriods: 3
            minFailingPeriodsToAlert: 3
          }
        }
      ]
    }
    actions: {
      actionGroups: empty(alertEmail) ? [] : [actionGroup.id]
    }
  }
}

var workbookContent = {
  version: 'Notebook/1.0'
  items: [
    {
      type: 1
      content: {
        json: '## AlertProbe\nWhat the app did with alerts: tests planned and refused, dead-letters, budget exhaustion, credential trouble and verdicts delivered.'
      }
    }
    {
      type: 3
      content: {
        version: 'KqlItem/1.0'
        title: 'Tests planned and refused by intake (per hour)'
        query: 'AppTraces | where tostring(Properties["{OriginalFormat}"]) startswith "${logTemplates.intakePlanned}" | summarize planned = sum(toint(Properties.TestCount)), refused = sum(toint(Properties.RejectionCount)) by bin(TimeGenerated, 1h) | render timechart'
        queryType: 0
        resourceType: 'microsoft.operationalinsights/workspaces'
        visualization: 'timechart'
      }
    }
    {
      type: 3
      content: {
        version: 'KqlItem/1.0'
        title: 'Dead-lettered messages by reason'
        query: 'AppTraces | where tostring(Properties["{OriginalFormat}"]) startswith "${logTemplates.deadLettered}" | summarize count() by reason = tostring(Properties.DeadLetterReason), bin(TimeGenerated, 1h) | render columnchart'
        queryType: 0
        resourceType: 'microsoft.operationalinsights/workspaces'
        visualization: 'barchart'
      }
    }
    {
      type: 3
      content: {
        version: 'KqlItem/1.0'
        title: 'Dead-letter count per entity (Service Bus metric)'
        query: 'AzureMetrics | where MetricName == "DeadletteredMessages" | summarize max(Maximum) by Resource, bin(TimeGenerated, 1h) | render timechart'
        queryType: 0
        resourceType: 'microsoft.operationalinsights/workspaces'
        visualization: 'timechart'
      }
    }
    {
      type: 3
      content: {
        version: 'KqlItem/1.0'
        title: 'Budget exhaustion and credential circuit'
        query: 'AppTraces | extend template = tostring(Properties["{OriginalFormat}"]) | where template startswith "${logTemplates.budgetExhausted}" or template startswith "${logTemplates.credentialsRejected}" | summarize count() by event = iff(template startswith "${logTemplates.budgetExhausted}", "budget exhausted", "credentials rejected"), bin(TimeGenerated, 1h) | render columnchart'
        queryType: 0
        resourceType: 'microsoft.operationalinsights/workspaces'
        visualization: 'barchart'
      }
    }
    {
      type: 3
      content: {
        version: 'KqlItem/1.0'
        title: 'Verdicts delivered'
        query: 'AppTraces | where tostring(Properties["{OriginalFormat}"]) startswith "${logTemplates.verdictDelivered}" | summarize count() by destination = tostring(Properties.Destination), bin(TimeGenerated, 1h) | render columnchart'
        queryType: 0
        resourceType: 'microsoft.operationalinsights/workspaces'
        visualization: 'barchart'
      }
    }
  ]
}

resource workbook 'Microsoft.Insights/workbooks@2023-06-01' = {
  name: guid(resourceGroup().id, 'alertprobe-workbook')
  location: location
  tags: tags
  kind: 'shared'
  properties: {
    displayName: 'AlertProbe operations'
    category: 'workbook'
    sourceId: logAnalyticsWorkspaceId
    serializedData: string(workbookContent)
  }
}

output workbookId string = workbook.id
