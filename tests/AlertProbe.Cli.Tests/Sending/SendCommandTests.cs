namespace AlertProbe.Cli.Tests.Sending;

/// <summary><c>send</c> without a reachable Service Bus: one line naming the cause, no stack trace.</summary>
public sealed class SendCommandTests
{
    [Fact]
    public async Task An_unreachable_namespace_is_one_error_line_with_the_cause_and_no_stack_trace()
    {
        // .invalid never resolves (RFC 2606), so the client fails at its first connection attempt.
        var result = await CliProcess.RunAsync("send", "samples/alerts/grafana.json", "--namespace", "sb-alertprobe-test.invalid", "--timeout", "45s");

        Assert.True(result.ExitCode == ExitCodes.Failure, $"exit {result.ExitCode}:{Environment.NewLine}{result.Error}");
        var lines = result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var line = Assert.Single(lines);
        Assert.StartsWith("alertprobe: could not send to sb-alertprobe-test.invalid/alerts: ", line, StringComparison.Ordinal);
        Assert.Contains("(ServiceCommunicationProblem)", line, StringComparison.Ordinal);
        Assert.DoesNotContain("see the warning above", line, StringComparison.Ordinal);
        Assert.Empty(result.Out);
    }

    [Fact]
    public async Task Verbose_shows_the_senders_log_but_still_no_stack_trace()
    {
        var result = await CliProcess.RunAsync("send", "samples/alerts/grafana.json", "--namespace", "sb-alertprobe-test.invalid", "--timeout", "45s", "--verbose");

        Assert.Equal(ExitCodes.Failure, result.ExitCode);
        Assert.Contains("AlertQueueSender", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
    }
}
