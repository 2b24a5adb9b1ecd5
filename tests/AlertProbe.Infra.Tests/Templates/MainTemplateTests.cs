using System.Text.Json.Nodes;
using AlertProbe.Infra.Tests.Bicep;

namespace AlertProbe.Infra.Tests.Templates;

public sealed class MainTemplateTests
{
    [Fact]
    public async Task Main_template_builds_without_warnings()
    {
        var run = await BicepCli.RunAsync("build", "infra/main.bicep", "--stdout");

        Assert.True(run.ExitCode == 0 && run.StandardError.Trim().Length == 0, $"bicep build: {run.Describe()}");
    }

    [Fact]
    public async Task Main_template_passes_the_linter_without_warnings()
    {
        var run = await BicepCli.RunAsync("lint", "infra/main.bicep");

        Assert.True(run.ExitCode == 0 && run.StandardError.Trim().Length == 0, $"bicep lint: {run.Describe()}");
    }

    [Fact]
    public async Task Main_template_deploys_at_subscription_scope_into_its_own_resource_group()
    {
        var template = await CompiledTemplate.MainAsync();

        Assert.Contains("subscriptionDeploymentTemplate.json", (string?)template.Root["$schema"], StringComparison.Ordinal);
        Assert.Single(template.OfType("Microsoft.Resources/resourceGroups"));
    }

    [Theory]
    [InlineData("listKeys(")]
    [InlineData("listConnectionStrings(")]
    [InlineData("listSecrets(")]
    [InlineData("AccountKey=")]
    [InlineData("SharedAccessKey=")]
    public async Task Template_never_reads_or_embeds_keys(string fragment)
    {
        var template = await CompiledTemplate.MainAsync();

        Assert.DoesNotContain(fragment, template.Json, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Parameters_file_binds_every_parameter_without_a_default()
    {
        var template = await CompiledTemplate.MainAsync();
        var required = template.Root["parameters"]!.AsObject()
            .Where(parameter => parameter.Value!["defaultValue"] is null)
            .Select(parameter => parameter.Key);
        var parametersFile = JsonNode.Parse(File.ReadAllText(Path.Combine(BicepCli.RepositoryRoot, "infra", "main.parameters.json")))!;
        var bound = parametersFile["parameters"]!.AsObject().Select(parameter => parameter.Key);

        Assert.Empty(required.Except(bound));
    }
}
