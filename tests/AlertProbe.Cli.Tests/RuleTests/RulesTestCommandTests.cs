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
