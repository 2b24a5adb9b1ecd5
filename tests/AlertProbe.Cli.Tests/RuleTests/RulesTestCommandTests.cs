using AlertProbe.Testing;

namespace AlertProbe.Cli.Tests.RuleTests;

public sealed class RulesTestCommandTests
{
    [Fact]
    public async Task The_sample_rule_tests_pass_against_the_sample_rules()
    {
        var result = await CliInvocation.RunAsync("rules", "test", "samples/tests/rules-tests.yaml");

        Assert.True(result.ExitCode == 0, $"rules test failed:{Environment.NewLine}{result.Out}{result.Error}");
        Assert.DoesNotContain("FAIL", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rules_test_names_the_rules_file_and_where_it_came_from()
    {
        var result = await CliInvocation.RunAsync("rules", "test", "samples/tests/rules-tests.yaml");

        Assert.Contains($"Rules: {Path.Combine("samples", "rules.yaml")} (the test file's 'rules:')", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_any_rules_file_rules_test_says_it_uses_the_built_in_defaults()
    {
        using var fixture = TempFile.With(
            """
            tests:
              - name: a bgp request is refused
                body: '{"testType":"bgp","prefix":"192.0.2.0/24","agents":[{"agentId":"113"}]}'
                rejections: [UnsupportedTestType]
            """,
            ".yaml");

        var result = await CliInvocation.RunAsync("rules", "test", fixture.Path);

        Assert.Contains("Rules: the built-in default rules (no --rules, no Rules__Path)", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void The_sample_rule_tests_say_nothing_matches_only_of_cases_that_expect_no_plan()
    {
        // A comment above a case describes that case; "no rule matches … nothing to test" over a case that lists
        // plans would teach the wrong thing.
        var lines = File.ReadAllLines(RepositoryRoot.Combine("samples", "tests", "rules-tests.yaml"));
        for (var i = 0; i < lines.Length; i++)
        {
            if (!lines[i].TrimStart().StartsWith("- name:", StringComparison.Ordinal))
            {
                continue;
            }

            var comment = string.Join(' ', lines.Take(i).Reverse().TakeWhile(l => l.TrimStart().StartsWith('#')));
            var body = lines.Skip(i + 1).TakeWhile(l => !l.TrimStart().StartsWith("- name:", StringComparison.Ordinal) && !l.TrimStart().StartsWith('#')).ToList();
            var expectsPlans = body.Any(l => l.Contains("rule:", StringComparison.Ordinal));
            var saysNothing = comment.Contains("nothing to test", StringComparison.OrdinalIgnoreCase) || comment.Contains("no rule matches", StringComparison.OrdinalIgnoreCase);
            Assert.False(saysNothing && expectsPlans, $"line {i + 1}: the comment says no rule matches, but the case expects plans: {lines[i].Trim()}");
        }
    }

    [Fact]
    public async Task A_broken_expectation_fails_with_a_readable_diff()
    {
        using var fixture = TempFile.With(
            $"""
            rules: {RepositoryRoot.Combine("samples", "rules.yaml")}
            tests:
              - name: grafana with a wrong target
                payload: {RepositoryRoot.Combine("samples", "alerts", "grafana.json")}
                plans:
                  - rule: grafana-url
                    type: http-server
                    target: https://www.contoso.example/
                  - rule: grafana-url
                    type: page-load
                    target: https://elsewhere.contoso.example/
            """,
            ".yaml");

        var result = await CliInvocation.RunAsync("rules", "test", fixture.Path);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("FAIL  grafana with a wrong target", result.Out, StringComparison.Ordinal);
        Assert.Contains("- missing plan:    page-load https://elsewhere.contoso.example/ (rule grafana-url)", result.Out, StringComparison.Ordinal);
        Assert.Contains("+ unexpected plan: page-load https://www.contoso.example/ (rule grafana-url", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unexpected_rejection_fails_the_case()
    {
        using var fixture = TempFile.With(
            """
            tests:
              - name: metadata address expected to pass
                body: '{"testType":"http-server","url":"http://169.254.169.254/","agents":[{"agentId":"113"}]}'
                plans: []
            """,
            ".yaml");

        var result = await CliInvocation.RunAsync("rules", "test", fixture.Path);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("+ unexpected rejection: TargetDenied", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_misspelt_key_is_a_usage_error_with_its_line()
    {
        using var fixture = TempFile.With(
            """
            tests:
              - name: typo
                body: '{}'
                plan: []
            """,
            ".yaml");

        var result = await CliInvocation.RunAsync("rules", "test", fixture.Path);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(":4:5: unknown key 'plan'", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_test_file_is_a_usage_error()
    {
        var result = await CliInvocation.RunAsync("rules", "test", "samples/tests/none.yaml");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("rules test file not found", result.Error, StringComparison.Ordinal);
    }
}
