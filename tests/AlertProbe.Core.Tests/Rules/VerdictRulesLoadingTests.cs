using AlertProbe.Core.Rules;

namespace AlertProbe.Core.Tests.Rules;

/// <summary>A rule's <c>followUp.verdict</c> (schemas/rules.v1.json, docs/rules.md): expectations and threshold overrides.</summary>
public sealed class VerdictRulesLoadingTests
{
    private const string Head = "version: 1\ndefaults:\n  agents: { ids: [\"1\"] }\nrules:\n  - name: r\n    tests:\n      - type: dns-server\n        domain: example.com A\n        dnsServers: [ns1.example.net]\n";

    [Fact]
    public void A_rules_expected_answers_status_codes_and_thresholds_are_loaded()
    {
        var yaml = Head + "    followUp:\n      verdict:\n        expectedAnswers: [203.0.113.10]\n        statusCodes: [401]\n        thresholds: { lossFailingPercent: 10, latencyDegradedMs: 250 }\n";

        var verdict = RuleSetLoader.Load(yaml, "rules.yaml").RuleSet!.Rules[0].FollowUp.Verdict!;

        Assert.Equal(("203.0.113.10", 401, 10.0, 250.0), (verdict.ExpectedAnswers.Single(), verdict.StatusCodes.Single(), verdict.Thresholds["lossFailingPercent"], verdict.Thresholds["latencyDegradedMs"]));
    }

    [Theory]
    [InlineData("thresholds: { lossFailingPrecent: 10 }", "rules[0].followUp.verdict.thresholds.lossFailingPrecent")]
    [InlineData("thresholds: { failingAgentShare: 5 }", "rules[0].followUp.verdict.thresholds: The field FailingAgentShare must be between 0.01 and 1.")]
    public void A_misspelt_or_out_of_range_threshold_is_refused_at_load(string line, string expected)
    {
        var yaml = Head + "    followUp:\n      verdict:\n        " + line + "\n";

        var result = RuleSetLoader.Load(yaml, "rules.yaml");

        Assert.False(result.IsSuccess);
        Assert.Contains(result.Errors, error => error.ToString().Contains(expected, StringComparison.Ordinal));
    }
}
