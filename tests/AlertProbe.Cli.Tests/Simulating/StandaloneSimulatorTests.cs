using AlertProbe.Core.Rules;
using AlertProbe.Simulator.Hosting;

namespace AlertProbe.Cli.Tests.Simulating;

/// <summary>The standalone simulator (<c>dotnet run --project src/AlertProbe.Simulator</c>) speaks the CLI's argument language.</summary>
public sealed class StandaloneSimulatorTests
{
    [Fact]
    public async Task Help_prints_the_usage_and_starts_nothing()
    {
        var result = await Simulator("--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("--result-delay DURATION", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("listening", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_old_seconds_option_is_refused_with_the_new_name()
    {
        var result = await Simulator("--result-delay-seconds", "20");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("unknown option '--result-delay-seconds'; did you mean '--result-delay'?", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Result_delay_takes_a_duration_as_the_cli_does()
    {
        var options = SimulatorCommandLine.Parse(["--result-delay", "1m30s", "--port", "0"], out var help, out var error);

        Assert.False(help);
        Assert.Null(error);
        Assert.Equal((TimeSpan.FromSeconds(90), 0), (options!.ResultDelay, options.Port));
    }

    [Theory]
    [InlineData("20s")]
    [InlineData("2m")]
    [InlineData("1h30m")]
    [InlineData("500ms")]
    [InlineData("1d")]
    [InlineData("1.5s")]
    [InlineData("PT20S")]
    [InlineData("20")]
    [InlineData("20 s")]
    [InlineData("twenty")]
    [InlineData("")]
    public void Durations_read_as_the_cli_reads_them(string text)
    {
        var cli = RuleDuration.TryParse(text, out var expected);
        var simulator = SimulatorCommandLine.TryParseDuration(text, out var actual);

        Assert.Equal((cli, expected), (simulator, actual));
    }

    private static Task<CliInvocation> Simulator(params string[] args) =>
        CliProcess.RunFileAsync(CliProcess.Muxer(), [Path.Combine(AppContext.BaseDirectory, "AlertProbe.Simulator.dll"), .. args]);
}
