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

    [Fact]
    public void The_rules_used_are_the_rules_validated_at_start_up_the_file_is_not_read_again()
    {
        var path = Write("rules.yaml", GoodRules("validated"));
        using var provider = Build(path);
        _ = provider.GetRequiredService<IOptions<RulesOptions>>().Value;

        // Broken after start-up validation: a second read would fail (or plan with rules nobody validated).
        File.WriteAllText(path, "version: 1\nrules: [");

        Assert.Equal(["validated"], provider.GetRequiredService<RulePlanner>().RuleSet.Rules.Select(rule => rule.Name));
        Assert.Equal(["validated"], provider.GetRequiredService<RuleSet>().Rules.Select(rule => rule.Name));
    }

    [Fact]
    public void Options_through_IOptions_and_IOptionsMonitor_share_one_load()
    {
        var path = Write("rules.yaml", GoodRules("first"));
        using var provider = Build(path);
        _ = provider.GetRequiredService<IOptions<RulesOptions>>().Value;
        File.WriteAllText(path, "version: 1\nrules: [");

        // The health check reads the monitor: validating there must not load (and fail on) the file a second time.
        Assert.Equal(path, provider.GetRequiredService<IOptionsMonitor<RulesOptions>>().CurrentValue.Path);
    }

    [Fact]
    public void A_regex_written_in_several_rules_is_built_once()
    {
        var rules = """
            version: 1
            defaults: { agents: { ids: ["1"] } }
            rules:
              - name: a
                match: { labels: ['instance=~"https?://.+"'] }
                tests: [{ type: dns-trace, domain: example.com }]
              - name: b
                match: { labels: ['target=~"https?://.+"', 'job="x"'] }
                tests: [{ type: dns-trace, domain: example.com }]
            """;
        var ruleSet = RuleSetLoader.Load(rules, "rules.yaml").RuleSet!;

        var first = ruleSet.Rules[0].Match.Labels[0].Pattern;
        Assert.NotNull(first);
        Assert.Same(first, ruleSet.Rules[1].Match.Labels[0].Pattern);
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private string Write(string name, string content)
    {
        var path = Path.Combine(directory, name);
        File.WriteAllText(path, content);
        return path;
    }

    private static string GoodRules(string name) =>
        $"version: 1\nrules:\n  - name: {name}\n    tests:\n      - type: dns-trace\n        domain: example.com\n        agents: {{ ids: [\"1\"] }}\n";

    private static ServiceProvider Build(string? path)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Rules:Path"] = path }).Build();
        return new ServiceCollection().AddAlertRules(configuration).BuildServiceProvider();
    }
}
