using System.Globalization;
using System.Net;
using AlertProbe.Simulator;
using AlertProbe.ThousandEyes.Errors;
using AlertProbe.ThousandEyes.Http;
using AlertProbe.ThousandEyes.RateLimiting;
using AlertProbe.ThousandEyes.Requests;
using AlertProbe.ThousandEyes.Tests.Infrastructure;
using AlertProbe.Testing.Simulator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;

namespace AlertProbe.ThousandEyes.Tests.Http;

/// <summary>
/// Every rate-limit header set and every 429 reaches the registered observers from the client's pipeline, so no
/// caller has to pass them on.
/// </summary>
public sealed class RateLimitObservingHandlerTests
{
    private static readonly DateTimeOffset Now = new(2025, 1, 15, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_created_tests_instant_test_window_reaches_the_observer_from_the_registered_pipeline()
    {
        await using var simulator = await SimulatorFixture.StartAsync(new SimulatorOptions { InstantTestRateLimitPerMinute = 5 });
        var observer = new RecordingObserver();
        await using var host = ClientHost.Create(simulator.BaseAddress, ThousandEyesApiVersion.V7, simulator.Time, services: s => s.AddSingleton<IRateLimitObserver>(observer));

        await host.Client.CreateInstantTestAsync(InstantTestSamples.Request(InstantTestType.HttpServer));

        var (headers, instantTestCall) = Assert.Single(observer.Headers);
        Assert.Equal((new RateLimitWindow(5, 4, SimulatorFixture.StartTime.AddMinutes(1)), true), (headers.InstantTest, instantTestCall));
    }

    [Fact]
    public async Task A_429_on_a_create_reaches_the_observer_as_the_error_the_caller_gets()
    {
        await using var simulator = await SimulatorFixture.StartAsync(new SimulatorOptions { InstantTestRateLimitPerMinute = 1 });
        var observer = new RecordingObserver();
        await using var host = ClientHost.Create(simulator.BaseAddress, ThousandEyesApiVersion.V7, simulator.Time, services: s => s.AddSingleton<IRateLimitObserver>(observer));
        var request = InstantTestSamples.Request(InstantTestType.HttpServer);
        await host.Client.CreateInstantTestAsync(request);

        var second = await host.Client.CreateInstantTestAsync(request);

        Assert.Equal((second.Error, true), Assert.Single(observer.Limited));
    }

    [Fact]
    public async Task Headers_of_a_read_are_reported_as_not_an_instant_test_call()
    {
        var observer = new RecordingObserver();
        using var invoker = Invoker(observer, (_, _) =>
        {
            var response = new HttpResponseMessage(HttpStatusCode.OK);
            AddWindow(response, RateLimitHeaders.OrganizationPrefix, 240, 239, Now.AddSeconds(30));
            return response;
        });

        using var _ = await invoker.SendAsync(Request(ThousandEyesOperation.Read), CancellationToken.None);

        var (headers, instantTestCall) = Assert.Single(observer.Headers);
        Assert.Equal((new RateLimitWindow(240, 239, Now.AddSeconds(30)), false), (headers.Organization, instantTestCall));
        Assert.Empty(observer.Limited);
    }

    [Fact]
    public async Task A_429_without_headers_is_reported_until_its_retry_after()
    {
        var observer = new RecordingObserver();
        using var invoker = Invoker(observer, (_, _) =>
        {
            var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
            response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(20));
            return response;
        });

        using var _ = await invoker.SendAsync(Request(ThousandEyesOperation.Rerun), CancellationToken.None);

        Assert.Empty(observer.Headers);
        Assert.Equal((new RateLimitedError(Now.AddSeconds(20), RateLimitFamily.InstantTest), true), Assert.Single(observer.Limited));
    }

    [Fact]
    public async Task A_response_without_rate_limit_headers_reports_nothing()
    {
        var observer = new RecordingObserver();
        using var invoker = Invoker(observer, (_, _) => new HttpResponseMessage(HttpStatusCode.OK));

        using var _ = await invoker.SendAsync(Request(ThousandEyesOperation.CreateInstantTest), CancellationToken.None);

        Assert.Equal((0, 0), (observer.Headers.Count, observer.Limited.Count));
    }

    [Fact]
    public async Task A_failing_observer_is_logged_and_the_answer_still_reaches_the_caller_and_the_next_observer()
    {
        var logger = new FakeLogger<RateLimitObservingHandler>();
        var next = new RecordingObserver();
        using var invoker = new HttpMessageInvoker(new RateLimitObservingHandler([new FailingObserver(), next], new FakeTimeProvider(Now), logger)
        {
            InnerHandler = new CannedHandler((_, _) =>
            {
                var response = new HttpResponseMessage(HttpStatusCode.Created);
                AddWindow(response, RateLimitHeaders.InstantTestPrefix, 5, 4, Now.AddSeconds(60));
                return response;
            }),
        });

        using var response = await invoker.SendAsync(Request(ThousandEyesOperation.CreateInstantTest), CancellationToken.None);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Single(next.Headers);
        Assert.Equal(14, logger.LatestRecord.Id.Id);
    }

    private static HttpMessageInvoker Invoker(IRateLimitObserver observer, Func<HttpRequestMessage, int, HttpResponseMessage> respond) =>
        new(new RateLimitObservingHandler([observer], new FakeTimeProvider(Now), new FakeLogger<RateLimitObservingHandler>())
        {
            InnerHandler = new CannedHandler(respond),
        });

    private static HttpRequestMessage Request(ThousandEyesOperation operation)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "https://api.thousandeyes.test/v7/tests/http-server/instant");
        request.Options.Set(ThousandEyesRequestOptions.Operation, operation);
        return request;
    }

    private static void AddWindow(HttpResponseMessage response, string prefix, int limit, int remaining, DateTimeOffset reset)
    {
        response.Headers.Add(prefix + "Limit", limit.ToString(CultureInfo.InvariantCulture));
        response.Headers.Add(prefix + "Remaining", remaining.ToString(CultureInfo.InvariantCulture));
        response.Headers.Add(prefix + "Reset", reset.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
    }

    private sealed class RecordingObserver : IRateLimitObserver
    {
        public List<(RateLimitSnapshot Headers, bool InstantTestCall)> Headers { get; } = [];

        public List<(ThousandEyesError Limited, bool InstantTestCall)> Limited { get; } = [];

        public Task ObserveHeadersAsync(RateLimitSnapshot headers, bool instantTestCall, CancellationToken cancellationToken)
        {
            lock (Headers)
            {
                Headers.Add((headers, instantTestCall));
            }

            return Task.CompletedTask;
        }

        public Task ObserveRateLimitedAsync(RateLimitedError limited, bool instantTestCall, CancellationToken cancellationToken)
        {
            lock (Limited)
            {
                Limited.Add((limited, instantTestCall));
            }

            return Task.CompletedTask;
        }
    }

    private sealed class FailingObserver : IRateLimitObserver
    {
        public Task ObserveHeadersAsync(RateLimitSnapshot headers, bool instantTestCall, CancellationToken cancellationToken) =>
            Task.FromException(new InvalidOperationException("the store is down"));

        public Task ObserveRateLimitedAsync(RateLimitedError limited, bool instantTestCall, CancellationToken cancellationToken) =>
            Task.FromException(new InvalidOperationException("the store is down"));
    }
}
