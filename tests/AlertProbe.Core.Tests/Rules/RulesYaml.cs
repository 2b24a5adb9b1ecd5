namespace AlertProbe.Core.Tests.Rules;

/// <summary>Small valid rules documents for load and reload tests.</summary>
internal static class RulesYaml
{
    /// <summary>One rule named <paramref name="name"/> (a DNS trace of example.com from agent 1).</summary>
    public static string Named(string name) =>
        $"version: 1\nrules:\n  - name: {name}\n    tests:\n      - type: dns-trace\n        domain: example.com\n        agents: {{ ids: [\"1\"] }}\n";

    /// <summary>A document that fails validation at line 5 ('bgp' is not an instant test type).</summary>
    public const string Broken = "version: 1\nrules:\n  - name: broken\n    tests:\n      - type: bgp\n        agents: { ids: [\"1\"] }\n";
}
