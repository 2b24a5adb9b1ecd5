using System.Net;
using System.Net.Sockets;

namespace AlertProbe.Cli.Tests.LocalRun;

/// <summary><c>--timeout</c> bounds the whole run, a ThousandEyes API that never answers included.</summary>
public sealed class RunTimeoutTests
{
    [Fact]
    public async Task Timeout_stops_a_run_whose_intake_keeps_failing_with_the_timed_out_exit_code()
    {
        var environment = new Dictionary<string, string?>
        {
            ["ThousandEyes__BaseUrl"] = $"http://127.0.0.1:{ClosedPort()}/",
            ["ThousandEyes__BearerToken"] = "abc",
        };

        // Without the bound, ten deliveries of three retried calls each end in MaxDeliveryCountExceeded (exit 1).
        var result = await CliProcess.RunAsync(environment, "run", "samples/alerts/grafana.json", "--timeout", "3s");

        Assert.True(result.ExitCode == ExitCodes.TimedOut, $"exit {result.ExitCode}, expected {ExitCodes.TimedOut}:{Environment.NewLine}{result.Error}");
        Assert.Contains("TimedOut", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("MaxDeliveryCountExceeded", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_summary_names_the_root_cause_and_library_chatter_stays_under_verbose()
    {
        var port = ClosedPort();
        var environment = new Dictionary<string, string?>
        {
            ["ThousandEyes__BaseUrl"] = $"http://127.0.0.1:{port}/",
            ["ThousandEyes__BearerToken"] = "abc",

            // One immediate retry per call: the ten deliveries fail fast and the run ends on its own (no timing involved).
            ["ThousandEyes__MaxRetryAttempts"] = "1",
            ["ThousandEyes__RetryBaseDelay"] = "00:00:00",
        };

        var quiet = await CliProcess.RunAsync(environment, "run", "samples/alerts/grafana.json", "--timeout", "5m");
        var verbose = await CliProcess.RunAsync(environment, "run", "samples/alerts/grafana.json", "--timeout", "5m", "--verbose");

        // The transport's own words, with the address, in the one-line summary (not only somewhere in the logs). The
        // intake dead-letters the plan itself on the last delivery (DeliveriesExhausted): a runtime failure, not a refusal.
        Assert.True(quiet.ExitCode == ExitCodes.Failure, $"exit {quiet.ExitCode}:{Environment.NewLine}{quiet.Error}");
        var summary = quiet.Error.Split('\n').Where(l => l.StartsWith("alertprobe:", StringComparison.Ordinal)).ToList();
        Assert.True(
            summary.Any(l => l.Contains("DeliveriesExhausted", StringComparison.Ordinal) && l.Contains($"cause: Connection refused (127.0.0.1:{port})", StringComparison.Ordinal)),
            $"no summary line names the refused connection:{Environment.NewLine}{quiet.Error}");
        Assert.DoesNotContain("Polly", quiet.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("retry 1 in", quiet.Error, StringComparison.Ordinal);
        Assert.Contains("Polly", verbose.Error, StringComparison.Ordinal);
    }

    /// <summary>A loopback port nothing listens on: bound by the system, then released.</summary>
    internal static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
