using AlertProbe.ThousandEyes;
using AlertProbe.ThousandEyes.DependencyInjection;
using AlertProbe.ThousandEyes.Errors;
using AlertProbe.ThousandEyes.Requests;
using AlertProbe.ThousandEyes.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace AlertProbe.ThousandEyes.Tests.Integration;

/// <summary>
/// The registered pipeline's timeouts on the test's clock: an API that never answers costs one attempt timeout per
/// attempt, and the whole call no more than the total timeout.
/// </summary>
public sealed class TimeoutTests
{
    private static readonly Uri Api = new("https://api.thousandeyes.test/");
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(15);

    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["ThousandEyes:RequestTimeout"] = "00:00:10",
        ["ThousandEyes:TotalRequestTimeout"] = "00:00:25",
        ["ThousandEyes:MaxRetryAttempts"] = "5",
    };

    [Fact]
    public async Task A_read_that_never_answers_is_retried_until_the_total_timeout_then_is_a_transient_error()
    {
        var time = new FakeTimeProvider(CannedClient.Now);
        var api = new SilentHandler();
        await using var host = Host(time, api);

        var call = host.Client.GetAgentsAsync();
        await api.WaitForSendAsync(Bound);
        time.Advance(TimeSpan.FromSeconds(10));
        await api.WaitForSendAsync(Bound);
        time.Advance(TimeSpan.FromSeconds(10));
        await api.WaitForSendAsync(Bound);
        time.Advance(TimeSpan.FromSeconds(5));
        var result = await call.WaitAsync(Bound);

        var error = Assert.IsType<TransientError>(result.Error);
        Assert.Equal((3, false), (api.Sends, error.RequestMayHaveSucceeded));
        Assert.Contains("no answer within 00:00:25", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_create_that_never_answers_is_not_retried_after_its_attempt_timeout_and_may_have_succeeded()
    {
        var time = new FakeTimeProvider(CannedClient.Now);
        var api = new SilentHandler();
        await using var host = Host(time, api);

        var call = host.Client.CreateInstantTestAsync(InstantTestSamples.Request(InstantTestType.HttpServer));
        await api.WaitForSendAsync(Bound);
        time.Advance(TimeSpan.FromSeconds(10));
        var result = await call.WaitAsync(Bound);

        Assert.Equal((1, true), (api.Sends, Assert.IsType<TransientError>(result.Error).RequestMayHaveSucceeded));
    }

    [Fact]
    public async Task A_total_timeout_not_longer_than_the_attempt_timeout_fails_validation_naming_both_settings()
    {
        await using var host = ClientHost.Create(Api, ThousandEyesApiVersion.V7, new FakeTimeProvider(), new Dictionary<string, string?>
        {
            ["ThousandEyes:RequestTimeout"] = "00:00:30",
            ["ThousandEyes:TotalRequestTimeout"] = "00:00:30",
        });

        var error = Assert.Throws<OptionsValidationException>(() => host.Provider.GetRequiredService<IOptions<ThousandEyesOptions>>().Value);

        Assert.Contains("ThousandEyes:TotalRequestTimeout (00:00:30) must be longer than ThousandEyes:RequestTimeout (00:00:30)", error.Message, StringComparison.Ordinal);
    }

    private static ClientHost Host(FakeTimeProvider time, SilentHandler api) => ClientHost.Create(
        Api,
        ThousandEyesApiVersion.V7,
        time,
        Settings,
        services => services.AddHttpClient(ThousandEyesServiceCollectionExtensions.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => api));

    /// <summary>An API that takes every request and never answers (until the request is cancelled).</summary>
    private sealed class SilentHandler : HttpMessageHandler
    {
        private readonly SemaphoreSlim _sent = new(0);
        private int _sends;

        public int Sends => Volatile.Read(ref _sends);

        public async Task WaitForSendAsync(TimeSpan bound) =>
            Assert.True(await _sent.WaitAsync(bound), $"no request reached the API within {bound} (sent so far: {Sends})");

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _sends);
            _sent.Release();
            await Task.Delay(Timeout.Infinite, cancellationToken);
            throw new InvalidOperationException("unreachable: the delay only ends by cancellation");
        }
    }
}
