using AlertProbe.Infra.Tests.Bicep;
using YamlDotNet.RepresentationModel;

namespace AlertProbe.Infra.Tests.Templates;

/// <summary>The postprovision hook that removes '$Default' is wired into azd and told about every named rule.</summary>
public sealed class ProvisionHookTemplateTests
{
    [Fact]
    public void Azd_runs_the_postprovision_hook_and_stops_when_it_fails()
    {
        var yaml = new YamlStream();
        using (var reader = new StreamReader(Path.Combine(BicepCli.RepositoryRoot, "azure.yaml")))
        {
            yaml.Load(reader);
        }

        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        var hook = (YamlMappingNode)((YamlMappingNode)((YamlMappingNode)root["hooks"])["postprovision"])["posix"];

        Assert.Equal("./infra/hooks/postprovision.sh", ((YamlScalarNode)hook["run"]).Value);
        Assert.Equal("false", ((YamlScalarNode)hook["continueOnError"]).Value);
        Assert.True(File.Exists(Path.Combine(BicepCli.RepositoryRoot, "infra", "hooks", "postprovision.sh")));
    }

    [Fact]
    public void Azd_checks_the_operator_settings_before_it_provisions()
    {
        var yaml = new YamlStream();
        using (var reader = new StreamReader(Path.Combine(BicepCli.RepositoryRoot, "azure.yaml")))
        {
            yaml.Load(reader);
        }

        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        var hook = (YamlMappingNode)((YamlMappingNode)((YamlMappingNode)root["hooks"])["preprovision"])["posix"];

        Assert.Equal("./infra/hooks/preprovision.sh", ((YamlScalarNode)hook["run"]).Value);
        Assert.Equal("false", ((YamlScalarNode)hook["continueOnError"]).Value);
    }

    [Fact]
    public async Task Hook_input_names_every_rule_of_the_template()
    {
        var template = await CompiledTemplate.MainAsync();
        var output = template.Root["outputs"]?["SERVICEBUS_FILTERED_SUBSCRIPTIONS"]?["value"]?.ToString() ?? "";
        var ruleParameters = template.OfType("Microsoft.ServiceBus/namespaces/topics/subscriptions/rules")
            .Select(rule => rule.Name[(rule.Name.LastIndexOf("parameters('", StringComparison.Ordinal) + "parameters('".Length)..].Split('\'')[0])
            .ToList();

        Assert.NotEmpty(ruleParameters);
        Assert.All(ruleParameters, parameter => Assert.Contains($"outputs.{parameter}.value", output, StringComparison.Ordinal));
    }
}
