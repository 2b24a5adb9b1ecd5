using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using AlertProbe.Testing;

namespace AlertProbe.Cli.Tests.Simulating;

public sealed partial class SimulatorCommandTests
{
    [Fact]
    public async Task Simulator_serves_the_API_on_the_address_it_prints_until_cancelled()
    {
        using var output = new SynchronizedStringWriter();
        using var error = new StringWriter();
        using var stop = new CancellationTokenSource();
        var context = new CliContext
        {
            Out = output,
            Error = error,
            Environment = new Dictionary<string, string?>(),
            WorkingDirectory = RepositoryRoot.Path,
        };

        var running = AlertProbeCommand.InvokeAsync(["simulator", "--port", "0"], context, stop.Token);
        var baseAddress = await WaitForBaseAddressAsync(output, running);
        using var client = new HttpClient { BaseAddress = baseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, "v7/agents");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "simulator-token");
        using var response = await client.SendAsync(request);
        await stop.CancelAsync();
        var exitCode = await running;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(IPAddress.Loopback.ToString(), baseAddress.Host);
        Assert.Equal(0, exitCode);
        Assert.Contains("Stopping the simulator.", output.ToString(), StringComparison.Ordinal);
    }

    private static async Task<Uri> WaitForBaseAddressAsync(SynchronizedStringWriter output, Task<int> running)
    {
        // Whichever comes first: the address line, or the command ending (which would be a failure); a minute bounds a
        // regression that prints neither, so it fails instead of hanging the run.
        var finished = await Task.WhenAny(output.AddressPrinted, running).WaitAsync(TimeSpan.FromMinutes(1));
        Assert.True(finished == output.AddressPrinted, $"the simulator command ended before printing its address: {output}");
        return await output.AddressPrinted;
    }

    [GeneratedRegex(@"listening on (?<url>http://127\.0\.0\.1:\d+/)")]
    private static partial Regex ListeningOn();

    /// <summary>
    /// The command writes from its own task while the test reads; completes a task once the address line is written,
    /// whichever overload carries it (the CLI's redacting writer passes whole lines on with <c>Write(string)</c>).
    /// </summary>
    private sealed class SynchronizedStringWriter : StringWriter
    {
        private readonly Lock _gate = new();
        private readonly TaskCompletionSource<Uri> _address = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task<Uri> AddressPrinted => _address.Task;

        public override void Write(char value) => Append(value.ToString());

        public override void Write(string? value) => Append(value);

        public override void Write(char[] buffer, int index, int count) => Append(new string(buffer, index, count));

        public override void Write(ReadOnlySpan<char> buffer) => Append(buffer.ToString());

        public override void WriteLine(string? value) => Append(value + NewLine);

        public override Task WriteAsync(string? value)
        {
            Append(value);
            return Task.CompletedTask;
        }

        public override Task WriteLineAsync(string? value)
        {
            Append(value + NewLine);
            return Task.CompletedTask;
        }

        public override string ToString()
        {
            lock (_gate)
            {
                return base.ToString();
            }
        }

        private void Append(string? text)
        {
            string written;
            lock (_gate)
            {
                base.Write(text);
                written = base.ToString();
            }

            if (ListeningOn().Match(written) is { Success: true } match)
            {
                _address.TrySetResult(new Uri(match.Groups["url"].Value));
            }
        }
    }
}
