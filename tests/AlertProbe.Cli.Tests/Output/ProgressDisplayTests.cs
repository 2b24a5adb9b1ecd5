using AlertProbe.Cli.Output;
using Microsoft.Extensions.Time.Testing;

namespace AlertProbe.Cli.Tests.Output;

/// <summary>Progress goes to standard error: live on a terminal, a heartbeat line otherwise (and with NO_COLOR).</summary>
public sealed class ProgressDisplayTests
{
    private static readonly DateTimeOffset Now = new(2025, 11, 4, 16, 21, 0, TimeSpan.Zero);

    [Fact]
    public void Redirected_standard_error_gets_a_heartbeat_naming_what_the_command_waits_for_and_until_when()
    {
        var clock = new FakeTimeProvider(Now);
        using var error = new StringWriter();
        using (var progress = ProgressDisplay.For(Context(error, clock, terminal: false)))
        {
            progress.Update("waiting for collect of test 7000001 run 0", Now.AddSeconds(90));
            Assert.Empty(error.ToString());

            clock.Advance(ProgressDisplay.HeartbeatInterval);
        }

        Assert.Equal(
            "alertprobe: still running after 30s: waiting for collect of test 7000001 run 0 until 16:22:30 UTC (in 1m00s)" + Environment.NewLine,
            error.ToString());
    }

    [Fact]
    public void A_terminal_gets_the_status_drawn_in_place_at_once()
    {
        using var error = new StringWriter();
        using (var progress = ProgressDisplay.For(Context(error, new FakeTimeProvider(Now), terminal: true)))
        {
            progress.Update("intake: samples/alerts/grafana.json");
        }

        Assert.StartsWith("\r\u001b[2K- intake: samples/alerts/grafana.json", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void No_color_on_a_terminal_means_no_live_status_line()
    {
        var clock = new FakeTimeProvider(Now);
        using var error = new StringWriter();
        using (var progress = ProgressDisplay.For(Context(error, clock, terminal: true, noColor: true)))
        {
            progress.Update("intake: samples/alerts/grafana.json");
            clock.Advance(ProgressDisplay.HeartbeatInterval);
        }

        Assert.DoesNotContain('\u001b', error.ToString());
        Assert.StartsWith("alertprobe: still running after 30s: intake: samples/alerts/grafana.json", error.ToString(), StringComparison.Ordinal);
    }

    private static CliContext Context(StringWriter error, TimeProvider clock, bool terminal, bool noColor = false) => new()
    {
        Out = TextWriter.Null,
        Error = error,
        ErrorIsTerminal = terminal,
        Clock = clock,
        Environment = noColor ? new Dictionary<string, string?> { ["NO_COLOR"] = "1" } : new Dictionary<string, string?>(),
    };
}
