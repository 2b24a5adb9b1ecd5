using AlertProbe.Infra.Tests.Bicep;

namespace AlertProbe.Infra.Tests.Templates;

/// <summary>The operator's view deployed by `azd up`: alert rules for dead-letters, the credential circuit and budget exhaustion, and a workbook.</summary>
public sealed class OperatorViewTemplateTests
{
    [Fact]
    public async Task Dead_letters_on_any_entity_raise_a_metric_alert_on_the_namespace()
    {
        var alert = (await CompiledTemplate.MainAsync()).Single("Microsoft.Insights/metricAlerts");
        var criterion = alert.Properties?["criteria"]?["allOf"]?[0];

        Assert.Equal("DeadletteredMessages", (string?)criterion?["metricName"]);
        Assert.Equal("GreaterThan", (string?)criterion?["operator"]);
        Assert.Equal(0, (int?)criterion?["threshold"]);
        Assert.Contains("Microsoft.ServiceBus/namespaces", alert.Properties?["scopes"]?[0]?.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("'alertprobe-credential-circuit-open'", "credentialsRejected")]
    [InlineData("'alertprobe-budget-exhausted'", "budgetExhausted")]
    public async Task Log_alert_watches_the_apps_log_event_by_category_and_event_id(string name, string logEvent)
    {
        var rule = (await CompiledTemplate.MainAsync()).OfType("Microsoft.Insights/scheduledQueryRules")
            .Single(resource => resource.Name.Contains(name, StringComparison.Ordinal) || resource.Name == name.Trim('\''));
        var query = rule.Properties?["criteria"]?["allOf"]?[0]?["query"]?.ToString();

        var template = await CompiledTemplate.MainAsync();
        Assert.Equal($"[variables('{logEvent}Query')]", query);
        var definition = template.Json.Split('\n').Single(line => line.TrimStart().StartsWith($"\"{logEvent}Query\":", StringComparison.Ordinal));
        Assert.Contains($"variables('logEvents').{logEvent}.category", definition, StringComparison.Ordinal);
        Assert.Contains($"variables('logEvents').{logEvent}.eventId", definition, StringComparison.Ordinal);
        Assert.DoesNotContain("OriginalFormat", definition, StringComparison.Ordinal);
        Assert.Contains("[parameters('logAnalyticsWorkspaceId')]", rule.Properties?["scopes"]?[0]?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Workbook_and_service_bus_metrics_land_in_the_workspace()
    {
        var template = await CompiledTemplate.MainAsync();
        var workbook = template.Single("Microsoft.Insights/workbooks");
        var diagnostics = template.Single("Microsoft.Insights/diagnosticSettings");

        Assert.Equal("[parameters('logAnalyticsWorkspaceId')]", (string?)workbook.Properties?["sourceId"]);
        Assert.Equal("[parameters('logAnalyticsWorkspaceId')]", (string?)diagnostics.Properties?["workspaceId"]);
        Assert.Equal("${ALERTPROBE_ALERT_EMAIL=}", ParametersFile.Value("alertEmail"));
    }

    [Fact]
    public async Task Workbook_charts_the_apps_metrics_from_app_metrics()
    {
        var template = await CompiledTemplate.MainAsync();
        var workbook = template.Single("Microsoft.Insights/workbooks");
        var content = workbook.Properties?["serializedData"]?.ToString() ?? string.Empty;

        Assert.Contains("workbookContent", content, StringComparison.Ordinal);
        foreach (var metric in new[] { "testsCreated", "testsCoalesced", "testsRefused", "deadLetters", "budgetRemaining", "alertToVerdict", "verdicts" })
        {
            Assert.Contains($"variables('metricNames').{metric}", template.Json, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("OriginalFormat}\"]", template.Json, StringComparison.Ordinal);
    }
}
