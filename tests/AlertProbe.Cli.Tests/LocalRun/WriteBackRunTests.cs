using System.Collections.Concurrent;
using AlertProbe.Testing.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace AlertProbe.Cli.Tests.LocalRun;

/// <summary><c>alertprobe run</c> writes verdicts back when the <c>WriteBack__*</c> settings are given, to a loopback stand-in here.</summary>
public sealed class WriteBackRunTests
{
    private const string Token = "pd-cli-token-5b8e21c0aa";

    [Theory]
    [InlineData("samples/alerts/pagerduty.json", "POST", "/incidents/QCONTOSO0001/notes")]
    [InlineData("samples/alerts/servicenow.json", "PATCH", "/api/now/table/incident/")]
    public async Task A_run_with_write_back_settings_writes_one_note_to_the_alerts_tool(string payload, string method, string path)
    {
        await using var tool = await StandIn.StartAsync();
        var environment = new Dictionary<string, string?>
        {
            // A loopback stand-in: allowed only because these say so (never in Azure).
            ["ReplyPolicy__AllowLoopback"] = "true",
            ["ReplyPolicy__AllowHttp"] = "true",
            ["WriteBack__PagerDuty__ApiUrl"] = tool.BaseAddress.ToString(),
            ["WriteBack__PagerDuty__Token"] = Token,
            ["WriteBack__PagerDuty__From"] = "oncall@contoso.example",
            ["WriteBack__ServiceNow__InstanceUrl"] = tool.BaseAddress.ToString(),
            ["WriteBack__ServiceNow__User"] = "alertprobe",
            ["WriteBack__ServiceNow__Password"] = Token,
        };

        var result = await CliInvocation.RunAsync(environment, "run", payload, "--rules", "samples/rules.yaml", "--verbose");

        Assert.True(result.ExitCode == 0, result.Error + result.Out);
        var request = Assert.Single(tool.Requests);
        Assert.Equal(method, request.Method);
        Assert.StartsWith(path, request.Path, StringComparison.Ordinal);
        Assert.Contains("AlertProbe ", request.Body, StringComparison.Ordinal);
        Assert.False((result.Out + result.Error).Contains(Token, StringComparison.Ordinal), "the token reached the CLI output");
    }

    [Fact]
    public async Task Without_write_back_settings_a_run_writes_nothing_back()
    {
        await using var tool = await StandIn.StartAsync();

        var result = await CliInvocation.RunAsync(new Dictionary<string, string?> { ["ReplyPolicy__AllowLoopback"] = "true" }, "run", "samples/alerts/pagerduty.json", "--rules", "samples/rules.yaml");

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Empty(tool.Requests);
    }

    private sealed class StandIn : IAsyncDisposable
    {
        private LoopbackServer _server = null!;

        private StandIn()
        {
        }

        public ConcurrentQueue<(string Method, string Path, string Body)> Requests { get; } = new();

        public Uri BaseAddress => _server.BaseAddress;

        public static async Task<StandIn> StartAsync()
        {
            var standIn = new StandIn();
            standIn._server = await LoopbackServer.StartAsync(app => app.Run(async context =>
            {
                using var reader = new StreamReader(context.Request.Body);
                standIn.Requests.Enqueue((context.Request.Method, context.Request.Path.Value ?? "/", await reader.ReadToEndAsync(context.RequestAborted)));
                context.Response.StatusCode = StatusCodes.Status201Created;
            }));
            return standIn;
        }

        public ValueTask DisposeAsync() => _server.DisposeAsync();
    }
}
