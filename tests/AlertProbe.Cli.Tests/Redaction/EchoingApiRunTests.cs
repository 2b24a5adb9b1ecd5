using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AlertProbe.Cli.Tests.Redaction;

/// <summary>
/// Secrets in output (issue 9 item 7): a ThousandEyes endpoint that echoes the Authorization header back in its error
/// body, on the 400, 401 and 500 paths, and a base URL with userinfo. Nothing the CLI prints (report, dead-letter
/// descriptions, logs) may contain the token or the password.
/// </summary>
public sealed class EchoingApiRunTests
{
    private const string Token = "echo-me-bearer-token-5Ghq2";
    private const string Password = "url-password-Zr81x";

    private const string Payload = """
        {"testType":"agent-to-server","server":"db.contoso.example:5432","protocol":"tcp",
         "agents":[{"agentId":"113"}],"followUp":{"collect":true}}
        """;

    public static TheoryData<int, string> Echoes => new()
    {
        { 400, "problem" },
        { 400, "raw" },
        { 400, "json-headers" },
        { 401, "oauth" },
        { 401, "raw" },
        { 500, "raw" },
        { 500, "problem" },
    };

    [Theory]
    [MemberData(nameof(Echoes))]
    public async Task Upstream_errors_echoing_the_authorization_header_never_show_the_token(int status, string shape)
    {
        await using var api = await EchoingApi.StartAsync(status, shape);
        using var payload = TempFile.With(Payload);

        var result = await CliInvocation.RunAsync(Environment(api.BaseAddress), "run", payload.Path, "--verbose", "--timeout", "2m");

        Assert.True(api.Calls > 0, "the run never called the echoing API, so nothing was proved");
        Assert.Contains(status.ToString(System.Globalization.CultureInfo.InvariantCulture), result.Out + result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_prints_the_base_url_without_its_userinfo()
    {
        await using var api = await EchoingApi.StartAsync(400, "raw");
        using var payload = TempFile.With(Payload);
        var withUserInfo = new UriBuilder(api.BaseAddress) { UserName = "apiuser", Password = Password }.Uri;

        var result = await CliInvocation.RunAsync(Environment(withUserInfo), "run", payload.Path, "--timeout", "2m");

        Assert.Contains($"127.0.0.1:{api.BaseAddress.Port}", result.Out + result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, result.Out + result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("apiuser:", result.Out + result.Error, StringComparison.Ordinal);
    }

    private static Dictionary<string, string?> Environment(Uri baseUrl) => new()
    {
        ["ThousandEyes__BaseUrl"] = baseUrl.ToString(),
        ["ThousandEyes__ApiVersion"] = "v7",
        ["ThousandEyes__BearerToken"] = Token,
    };

    /// <summary>Answers every request with one status and a body that repeats the request's Authorization header.</summary>
    private sealed class EchoingApi : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private int _calls;

        private EchoingApi(WebApplication app) => _app = app;

        public Uri BaseAddress { get; private set; } = null!;

        public int Calls => _calls;

        public static async Task<EchoingApi> StartAsync(int status, string shape)
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.ClearProviders();
            var app = builder.Build();
            var api = new EchoingApi(app);
            app.Run(async context =>
            {
                Interlocked.Increment(ref api._calls);
                var authorization = context.Request.Headers.Authorization.ToString();
                var json = System.Text.Json.JsonSerializer.Serialize(authorization);
                (string contentType, string body) = shape switch
                {
                    "problem" => ("application/problem+json", $$"""{"type":"about:blank","title":"Echo","status":{{status}},"detail":"you sent Authorization: {{authorization}}"}"""),
                    "json-headers" => ("application/json", """{"message":"bad","headers":{"authorization":""" + json + "}}"),
                    "oauth" => ("application/json", $$"""{"error":"invalid_token","error_description":"token {{authorization[(authorization.IndexOf(' ', StringComparison.Ordinal) + 1)..]}} is not valid"}"""),
                    _ => ("text/plain", $"upstream said no; request headers were: Authorization={authorization}"),
                };
                context.Response.StatusCode = status;
                context.Response.ContentType = contentType;
                await context.Response.WriteAsync(body);
            });
            await app.StartAsync();
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            api.BaseAddress = new Uri(address.EndsWith('/') ? address : address + "/");
            return api;
        }

        public async ValueTask DisposeAsync()
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
