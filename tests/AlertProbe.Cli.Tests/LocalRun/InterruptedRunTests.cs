using Microsoft.Extensions.Time.Testing;

namespace AlertProbe.Cli.Tests.LocalRun;

/// <summary>
/// A real-time run against a configured API that is still waiting for results: it shows what it waits for (live, on
/// standard error), and when interrupted (Ctrl+C) it says which tests it already created in the account.
/// </summary>
public sealed class InterruptedRunTests
{
    private const string Payload = """
        {"testType":"agent-to-server","server":"db.contoso.example:5432","protocol":"tcp",
         "agents":[{"agentId":"113"}],"followUp":{"collect":true}}
        """;

    [Fact]
    public async Task Interrupting_a_waiting_run_names_the_tests_already_created_and_exits_130()
    {
        await using var api = await FakeThousandEyesApi.StartAsync(holdResults: true);
        using var payload = TempFile.With(Payload);
        using var output = new StringWriter();
        using var error = new SignallingWriter("waiting for collect of test 881234 run 0 until ");
        using var interrupt = new CancellationTokenSource();
        var context = new CliContext
        {
            Out = output,
            Error = error,
            ErrorIsTerminal = true,
            Clock = new FakeTimeProvider(DateTimeOffset.UtcNow),
            Environment = new Dictionary<string, string?>
            {
                ["ThousandEyes__BaseUrl"] = api.BaseAddress.ToString(),
                ["ThousandEyes__BearerToken"] = "fake-bearer-token-7f3a",
            },
            WorkingDirectory = AlertProbe.Testing.RepositoryRoot.Path,
        };

        var running = AlertProbeCommand.InvokeAsync(["run", payload.Path, "--timeout", "10m"], context, interrupt.Token);
        var waiting = await Task.WhenAny(error.Seen, running);
        Assert.True(waiting == error.Seen, $"the run ended without showing that it waits for the results:{Environment.NewLine}{error}");
        await interrupt.CancelAsync();
        var exitCode = await running;

        Assert.Equal(ExitCodes.Interrupted, exitCode);
        Assert.Contains(
            $"alertprobe: interrupted; 1 test(s) already created in the ThousandEyes account ({api.BaseAddress}): 881234 (agent-to-server db.contoso.example:5432)",
            error.ToString(),
            StringComparison.Ordinal);
    }

    /// <summary>Completes <see cref="Seen"/> once the text written so far contains the expected text.</summary>
    private sealed class SignallingWriter(string expected) : StringWriter
    {
        private readonly Lock _gate = new();
        private readonly TaskCompletionSource _seen = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Seen => _seen.Task;

        public override void Write(char value)
        {
            lock (_gate)
            {
                base.Write(value);
            }
        }

        public override void Write(string? value)
        {
            lock (_gate)
            {
                base.Write(value);
                if (base.ToString().Contains(expected, StringComparison.Ordinal))
                {
                    _seen.TrySetResult();
                }
            }
        }

        public override void WriteLine(string? value)
        {
            Write(value);
            Write(Environment.NewLine);
        }

        public override Task WriteLineAsync(string? value)
        {
            WriteLine(value);
            return Task.CompletedTask;
        }

        public override string ToString()
        {
            lock (_gate)
            {
                return base.ToString();
            }
        }
    }
}
