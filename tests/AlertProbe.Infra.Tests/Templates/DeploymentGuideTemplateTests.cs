using System.Text.RegularExpressions;
using AlertProbe.Infra.Tests.Bicep;

namespace AlertProbe.Infra.Tests.Templates;

/// <summary>docs/deployment.md says what the compiled template does (issue 17.6): azd values, entities, rules, roles.</summary>
public sealed partial class DeploymentGuideTemplateTests
{
    private static readonly string Guide = File.ReadAllText(Path.Combine(BicepCli.RepositoryRoot, "docs", "deployment.md"));

    // Built-in role ids and names, from the Azure RBAC built-in roles reference.
    private static readonly Dictionary<string, string> RoleNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["090c5cfd-751d-490a-894a-3ce6f1109419"] = "Azure Service Bus Data Owner",
        ["4f6d3b9b-027b-4f4c-9142-0e5a2a2247e0"] = "Azure Service Bus Data Receiver",
        ["69a216fc-b8fb-44d8-bc22-1f3c2cd27a39"] = "Azure Service Bus Data Sender",
        ["4633458b-17de-408a-b874-0445c86b69e6"] = "Key Vault Secrets User",
        ["b86a8fe4-44ce-4948-aee5-eccb2c155cd7"] = "Key Vault Secrets Officer",
        ["b7e6dc6d-f1e8-4753-8033-0f276bb0955b"] = "Storage Blob Data Owner",
        ["0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3"] = "Storage Table Data Contributor",
        ["3913510d-42f4-4e42-8a64-420c390055eb"] = "Monitoring Metrics Publisher",
    };

    [Fact]
    public void Guide_names_every_azd_environment_value_the_parameters_file_reads()
    {
        var variables = AzdVariable().Matches(File.ReadAllText(Path.Combine(BicepCli.RepositoryRoot, "infra", "main.parameters.json")))
            .Select(match => match.Groups["name"].Value).Distinct().ToList();

        Assert.NotEmpty(variables);
        Assert.All(variables, variable => Assert.Contains($"`{variable}`", Guide, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Guide_names_every_subscription_its_rule_and_its_filter()
    {
        var template = await CompiledTemplate.MainAsync();
        var rules = template.OfType("Microsoft.ServiceBus/namespaces/topics/subscriptions/rules");

        Assert.NotEmpty(rules);
        foreach (var rule in rules)
        {
            var segments = rule.NameSegments();
            Assert.Contains($"subscription `{segments[2]}`", Guide, StringComparison.Ordinal);
            Assert.Contains($"`{segments[3]}`", Guide, StringComparison.Ordinal);
            Assert.Contains($"`{(string?)rule.Properties?["sqlFilter"]?["sqlExpression"]}`", Guide, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Guide_lists_no_subscription_the_template_does_not_create()
    {
        var template = await CompiledTemplate.MainAsync();
        var created = template.OfType("Microsoft.ServiceBus/namespaces/topics/subscriptions").Select(subscription => subscription.NameSegments()[2]).ToHashSet();
        var documented = DocumentedSubscription().Matches(Guide).Select(match => match.Groups["name"].Value).ToHashSet();

        Assert.Equal(created.Order(StringComparer.Ordinal), documented.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Guide_says_what_the_template_does_with_duplicate_detection_on_the_alerts_queue()
    {
        var queue = (await CompiledTemplate.MainAsync()).Single("Microsoft.ServiceBus/namespaces/queues", "alertsQueueName");
        var row = Guide.Split('\n').Single(line => line.StartsWith("| queue `alerts`", StringComparison.Ordinal));

        Assert.True((bool?)queue.Properties?["requiresDuplicateDetection"]);
        Assert.Contains("duplicate detection on", row, StringComparison.Ordinal);
        Assert.Contains("cannot be changed on an existing queue", Guide, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Guide_names_every_role_the_template_assigns()
    {
        var template = await CompiledTemplate.MainAsync();
        var assigned = template.OfType("Microsoft.Authorization/roleAssignments").Select(RoleAssignment.From).Select(assignment => assignment.RoleDefinitionId).Distinct();

        Assert.All(assigned, roleId =>
        {
            Assert.True(RoleNames.TryGetValue(roleId, out var name), $"Role {roleId} has no name in this test's data.");
            Assert.Contains(name, Guide, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Guide_does_not_call_azd_down_a_clean_reset()
    {
        Assert.Contains("`azd down` is not a clean reset", Guide, StringComparison.Ordinal);
        Assert.Contains("azd down --purge", Guide, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"\$\{(?<name>[A-Z_][A-Z0-9_]*)")]
    private static partial Regex AzdVariable();

    [GeneratedRegex(@"^\| subscription `(?<name>[^`]+)`", RegexOptions.Multiline)]
    private static partial Regex DocumentedSubscription();
}
