namespace AlertProbe.Cli.Tests;

/// <summary>Every command names an unknown option or command, with the closest known one, and exits 2 before doing anything.</summary>
public sealed class UsageErrorTests
{
    [Theory]
    [InlineData("unknown option '--verbos' for 'alertprobe run'; did you mean '--verbose'?", "run", "samples/alerts/grafana.json", "--verbos")]
    [InlineData("unknown option '--jsn' for 'alertprobe map'; did you mean '--json'?", "map", "samples/alerts/grafana.json", "--jsn")]
    [InlineData("unknown option '--rule' for 'alertprobe rules test'; did you mean '--rules'?", "rules", "test", "samples/tests/rules-tests.yaml", "--rule", "samples/rules.yaml")]
    [InlineData("unknown option '--queu' for 'alertprobe send'; did you mean '--queue'?", "send", "samples/alerts/grafana.json", "--namespace", "sb.example.net", "--queu", "alerts")]
    [InlineData("unknown option '--prot' for 'alertprobe simulator'; did you mean '--port'?", "simulator", "--prot", "0")]
    [InlineData("unknown command 'tests' for 'alertprobe rules'; did you mean 'test'?", "rules", "tests", "samples/tests/rules-tests.yaml")]
    [InlineData("'alertprobe rules' needs a command: test", "rules")]
    [InlineData("unknown command 'mapp' for 'alertprobe'; did you mean 'map'?", "mapp", "samples/alerts/grafana.json")]
    public async Task A_mistyped_option_or_command_is_named_with_a_suggestion(string expected, params string[] args)
    {
        var result = await CliProcess.RunAsync(args);

        Assert.True(result.ExitCode == ExitCodes.Usage, $"exit {result.ExitCode}:{Environment.NewLine}{result.Out}{result.Error}");
        Assert.Contains($"alertprobe: {expected}", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("not found", result.Error, StringComparison.Ordinal);
        Assert.Empty(result.Out);
    }

    [Fact]
    public async Task A_file_named_like_an_option_is_taken_after_a_double_dash()
    {
        var result = await CliInvocation.RunAsync("map", "--json", "--", "-missing.json");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("payload file not found: -missing.json", result.Error, StringComparison.Ordinal);
    }
}
