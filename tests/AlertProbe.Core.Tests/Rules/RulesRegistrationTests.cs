using AlertProbe.Core.Planning;
using AlertProbe.Core.Rules;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AlertProbe.Core.Tests.Rules;

public sealed class RulesRegistrationTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("alertprobe-rules-").FullName;

    [Fact]
    public void Without_a_path_the_built_in_rules_are_used()
    {
        using var provider = Build(path: null);

        var ruleSet = provider.GetRequiredService<RuleSet>();

        Assert.Equal(DefaultRuleSet.SourceName, ruleSet.SourceName);
        Assert.Same(ruleSet, provider.GetRequiredService<RulePlanner>().RuleSet);
    }

    [Fact]
    public void Configured_file_is_loaded()
    {
        var path = Write("good.yaml", "version: 1\nrules:\n  - name: only\n    tests:\n      - type: dns-trace\n        domain: example.com\n        agents: { ids: [\"1\"] }\n");
        using var provider = Build(path);

        Assert.Equal(["only"], provider.GetRequiredService<RuleSet>().Rules.Select(rule => rule.Name));
    }

    [Fact]
    public void Broken_file_fails_validation_with_file_and_line()
    {
        var path = Write("bad.yaml", "version: 1\nrules:\n  - name: r\n    tests:\n      - type: bgp\n        agents: { ids: [\"1\"] }\n");
        using var provider = Build(path);

        var exception = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<RulesOptions>>().Value);

        Assert.Contains($"Rules:Path: {path}:5:15: rules[0].tests[0].type: 'bgp' is not supported for instant tests", exception.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private string Write(string name, string content)
    {
        var path = Path.Combine(directory, name);
        File.WriteAllText(path, content);
        return path;
    }

    private static ServiceProvider Build(string? path)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Rules:Path"] = path }).Build();
        return new ServiceCollection().AddAlertRules(configuration).BuildServiceProvider();
    }
}
