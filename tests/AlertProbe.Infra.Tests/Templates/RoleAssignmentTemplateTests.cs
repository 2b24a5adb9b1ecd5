using AlertProbe.Infra.Tests.Bicep;

namespace AlertProbe.Infra.Tests.Templates;

public sealed class RoleAssignmentTemplateTests
{
    // Built-in role ids, from the Azure RBAC built-in roles reference.
    private const string ServiceBusDataReceiver = "4f6d3b9b-027b-4f4c-9142-0e5a2a2247e0";
    private const string ServiceBusDataOwner = "090c5cfd-751d-490a-894a-3ce6f1109419";
    private const string ServiceBusDataSender = "69a216fc-b8fb-44d8-bc22-1f3c2cd27a39";
    private const string KeyVaultSecretsUser = "4633458b-17de-408a-b874-0445c86b69e6";
    private const string StorageBlobDataOwner = "b7e6dc6d-f1e8-4753-8033-0f276bb0955b";
    private const string StorageTableDataContributor = "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3";
    private const string MonitoringMetricsPublisher = "3913510d-42f4-4e42-8a64-420c390055eb";

    [Theory]
    [InlineData(ServiceBusDataOwner, "Microsoft.ServiceBus/namespaces/queues", "alertsQueueName")]
    [InlineData(ServiceBusDataOwner, "Microsoft.ServiceBus/namespaces/topics/subscriptions", "collectSubscriptionName")]
    [InlineData(ServiceBusDataOwner, "Microsoft.ServiceBus/namespaces/topics/subscriptions", "rerunSubscriptionName")]
    [InlineData(ServiceBusDataSender, "Microsoft.ServiceBus/namespaces/topics", "instantTestsTopicName")]
    [InlineData(ServiceBusDataSender, "Microsoft.ServiceBus/namespaces/topics", "testResultsTopicName")]
    [InlineData(KeyVaultSecretsUser, "Microsoft.KeyVault/vaults", "keyVaultName")]
    [InlineData(StorageBlobDataOwner, "Microsoft.Storage/storageAccounts", "storageAccountName")]
    [InlineData(StorageTableDataContributor, "Microsoft.Storage/storageAccounts", "storageAccountName")]
    [InlineData(MonitoringMetricsPublisher, "Microsoft.Insights/components", "applicationInsightsName")]
    public async Task App_identity_holds_role_at_the_narrowest_scope(string roleId, string scopeType, string scopeParameter)
    {
        var assignments = (await CompiledTemplate.MainAsync()).OfType("Microsoft.Authorization/roleAssignments")
            .Select(RoleAssignment.From);

        Assert.Contains(new RoleAssignment(roleId, scopeType, scopeParameter, "appPrincipalId"), assignments);
    }

    [Fact]
    public async Task Triggered_entities_get_the_manage_claim_target_based_scaling_needs_and_nothing_below_it()
    {
        // With Data Receiver only, the Service Bus scale monitor cannot read message counts (it needs the Manage
        // claim) and reports 0: target-based scaling would not follow the backlog. Data Owner per entity carries it.
        var onTriggeredEntities = (await CompiledTemplate.MainAsync()).OfType("Microsoft.Authorization/roleAssignments")
            .Select(RoleAssignment.From)
            .Where(assignment => assignment.PrincipalParameter == "appPrincipalId"
                && assignment.ScopeParameter is "alertsQueueName" or "collectSubscriptionName" or "rerunSubscriptionName")
            .ToList();

        Assert.Equal(3, onTriggeredEntities.Count);
        Assert.All(onTriggeredEntities, assignment => Assert.Equal(ServiceBusDataOwner, assignment.RoleDefinitionId));
        Assert.DoesNotContain(onTriggeredEntities, assignment => assignment.RoleDefinitionId == ServiceBusDataReceiver);
    }

    [Fact]
    public async Task App_identity_gets_no_role_on_the_whole_namespace()
    {
        var assignments = (await CompiledTemplate.MainAsync()).OfType("Microsoft.Authorization/roleAssignments")
            .Select(RoleAssignment.From)
            .Where(assignment => assignment.PrincipalParameter == "appPrincipalId");

        Assert.DoesNotContain(assignments, assignment => assignment.ScopeType == "Microsoft.ServiceBus/namespaces");
    }

    [Fact]
    public async Task Developer_role_assignments_take_the_principal_type_from_a_parameter()
    {
        // Hard-coded 'User' makes `azd up` from CI (a service principal) fail at the role assignment.
        var developer = (await CompiledTemplate.MainAsync()).OfType("Microsoft.Authorization/roleAssignments")
            .Where(resource => (string?)resource.Properties?["principalId"] == "[parameters('developerPrincipalId')]")
            .ToList();

        Assert.NotEmpty(developer);
        Assert.All(developer, resource => Assert.Equal("[parameters('developerPrincipalType')]", (string?)resource.Properties?["principalType"]));
    }

    [Fact]
    public async Task App_identity_role_assignments_are_for_a_service_principal()
    {
        var app = (await CompiledTemplate.MainAsync()).OfType("Microsoft.Authorization/roleAssignments")
            .Where(resource => (string?)resource.Properties?["principalId"] == "[parameters('appPrincipalId')]")
            .ToList();

        Assert.NotEmpty(app);
        Assert.All(app, resource => Assert.Equal("ServicePrincipal", (string?)resource.Properties?["principalType"]));
    }

    [Fact]
    public async Task Principal_type_comes_from_azd_and_admits_a_service_principal()
    {
        var template = await CompiledTemplate.MainAsync();
        var allowed = template.Root["parameters"]?["principalType"]?["allowedValues"]?.AsArray().Select(value => (string?)value);
        var roles = template.OfType("Microsoft.Resources/deployments").Single(deployment => deployment.Name == "roles");

        Assert.Contains("${AZURE_PRINCIPAL_TYPE", ParametersFile.Value("principalType"), StringComparison.Ordinal);
        Assert.Contains("ServicePrincipal", allowed ?? []);
        Assert.Equal("[parameters('principalType')]", (string?)roles.Properties?["parameters"]?["developerPrincipalType"]?["value"]);
    }
}
