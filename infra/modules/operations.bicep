// The operator's view: alert rules and a workbook over what the app emits into the Log Analytics workspace behind
// Application Insights: its OpenTelemetry metrics (AppMetrics: Name is the instrument, Properties its tags), its logs
// (AppTraces) and the Service Bus metrics (AzureMetrics, by the diagnostic setting below).
//
// Log records are selected by logging category and EventId, never by message template: the Azure Monitor OpenTelemetry
// exporter (Azure.Monitor.OpenTelemetry.Exporter: UseAzureMonitorExporter, LogsHelper) turns on formatted messages and
// then keeps the template ("{OriginalFormat}") only for records with an exception (older versions: as OriginalFormat),
// and the Application Insights logger stored it as
// Properties.OriginalFormat (no braces), so the "{OriginalFormat}" key an earlier version of this module read exists
// under neither. Both record CategoryName and EventId. tests/AlertProbe.Functions.Tests (OperatorViewQueryTests) check
// every event below is one the app logs and every metric and tag one it records. How the exporter maps a gauge and a
// histogram onto AppMetrics columns (Sum, Min, Max, ItemCount) could not be checked from this machine.

param location string
param tags object

param serviceBusNamespaceName string
param logAnalyticsWorkspaceId string

@description('E-mail address that receives the alerts; empty: the alert rules fire in the portal only.')
param alertEmail string = ''

// The app's [LoggerMessage] events the log alerts watch: category (the logging class) and EventId.
var logEvents = {
  credentialsRejected: {
    category: 'AlertProbe.Core.Intake.InstantTestCreator'
    eventId: '302'
  }
  budgetExhausted: {
    category: 'AlertProbe.Core.RateLimiting.RateBudget'
    eventId: '3200'
  }
}

// The app's metrics (AlertProbe.Core.Diagnostics.AlertProbeTelemetry; docs/deployment.md, Observability).
var metricNames = {
  testsCreated: 'alertprobe.tests.created'
  testsCoalesced: 'alertprobe.tests.coalesced'
  testsRefused: 'alertprobe.tests.refused'
  deadLetters: 'alertprobe.messages.dead_lettered'
  budgetRemaining: 'alertprobe.rate_budget.remaining'
  alertToVerdict: 'alertprobe.alert_to_verdict.duration'
  verdicts: 'alertprobe.verdicts'
}

var credentialsRejectedQuery = 'AppTraces | where tostring(Properties["CategoryName"]) == "${logEvents.credentialsRejected.category}" and tostring(Properties["EventId"]) == "${logEvents.credentialsRejected.eventId}"'
var budgetExhaustedQuery = 'AppTraces | where tostring(Properties["CategoryName"]) == "${logEvents.budgetExhausted.category}" and tostring(Properties["EventId"]) == "${logEvents.budgetExhausted.eventId}"'

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
          query: credentialsRejectedQuery
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
          query: budgetExhaustedQuery
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
        json: '## AlertProbe\nWhat the app did with alerts: tests created, coalesced and refused, verdicts and how long they took, the rate budget left, dead-letters and credential trouble.'
      }
    }
    {
      type: 3
      content: {
        version: 'KqlItem/1.0'
        title: 'Tests created, coalesced and refused (per hour)'
        query: 'AppMetrics | where Name in ("${metricNames.testsCreated}", "${metricNames.testsCoalesced}", "${metricNames.testsRefused}") | summarize total = sum(Sum) by Name, bin(TimeGenerated, 1h) | render timechart'
        queryType: 0
        resourceType: 'microsoft.operationalinsights/workspaces'
        visualization: 'timechart'
      }
    }
    {
      type: 3
      content: {
        version: 'KqlItem/1.0'
        title: 'Plans refused by reason'
        query: 'AppMetrics | where Name == "${metricNames.testsRefused}" | summarize total = sum(Sum) by reason = tostring(Properties["reason"]), bin(TimeGenerated, 1h) | render columnchart'
        queryType: 0
        resourceType: 'microsoft.operationalinsights/workspaces'
        visualization: 'barchart'
      }
    }
    {
      type: 3
      content: {
        version: 'KqlItem/1.0'
        title: 'Verdicts by kind'
        query: 'AppMetrics | where Name == "${metricNames.verdicts}" | summarize total = sum(Sum) by verdict = tostring(Properties["verdict"]), bin(TimeGenerated, 1h) | render columnchart'
        queryType: 0
        resourceType: 'microsoft.operationalinsights/workspaces'
        visualization: 'barchart'
      }
    }
    {
      type: 3
      content: {
        version: 'KqlItem/1.0'
        title: 'Alert to verdict (seconds)'
        query: 'AppMetrics | where Name == "${metricNames.alertToVerdict}" | summarize average = sum(Sum) / sum(ItemCount), longest = max(Max) by bin(TimeGenerated, 1h) | render timechart'
        queryType: 0
        resourceType: 'microsoft.operationalinsights/workspaces'
        visualization: 'timechart'
      }
    }
    {
      type: 3
      content: {
        version: 'KqlItem/1.0'
        title: 'Rate budget left in the window (lowest per 5 minutes)'
        query: 'AppMetrics | where Name == "${metricNames.budgetRemaining}" | summarize remaining = min(Sum) by bin(TimeGenerated, 5m) | render timechart'
        queryType: 0
        resourceType: 'microsoft.operationalinsights/workspaces'
        visualization: 'timechart'
      }
    }
    {
      type: 3
      content: {
        version: 'KqlItem/1.0'
        title: 'Messages dead-lettered by the app, by reason'
        query: 'AppMetrics | where Name == "${metricNames.deadLetters}" | summarize total = sum(Sum) by reason = tostring(Properties["reason"]), function = tostring(Properties["function"]), bin(TimeGenerated, 1h) | render columnchart'
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
        query: 'union (${budgetExhaustedQuery} | extend event = "budget exhausted"), (${credentialsRejectedQuery} | extend event = "credentials rejected") | summarize count() by event, bin(TimeGenerated, 1h) | render columnchart'
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
