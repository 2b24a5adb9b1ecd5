using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;

namespace AlertProbe.ThousandEyes.Http;

/// <summary>
/// The client's standard resilience handler (Microsoft.Extensions.Http.Resilience), outermost first: rate limiter
/// (the package's default), total timeout (<see cref="ThousandEyesOptions.TotalRequestTimeout"/>), retry (exponential
/// backoff with jitter, <see cref="ShouldRetry"/>), circuit breaker (never opens: see <see cref="Configure"/>),
/// attempt timeout (<see cref="ThousandEyesOptions.RequestTimeout"/>). Timers run on the registered TimeProvider.
/// </summary>
internal static class ThousandEyesResiliencePipeline
{
    public static void Configure(HttpStandardResilienceOptions resilience, IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<ThousandEyesOptions>>().Value;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ThousandEyesClient).FullName!);

        resilience.TotalRequestTimeout.Timeout = options.TotalRequestTimeout;
        resilience.AttemptTimeout.Timeout = options.RequestTimeout;

        // The package requires at least one retry attempt; zero retries is a predicate that never retries.
        resilience.Retry.MaxRetryAttempts = Math.Max(1, options.MaxRetryAttempts);
        resilience.Retry.BackoffType = DelayBackoffType.Exponential;
        resilience.Retry.UseJitter = true;
        resilience.Retry.Delay = options.RetryBaseDelay;
        resilience.Retry.MaxDelay = TimeSpan.FromSeconds(30);

        // The backoff is ours alone: the only retried answers (5xx, 408) give no Retry-After this client was built to honour.
        resilience.Retry.ShouldRetryAfterHeader = false;
        resilience.Retry.ShouldHandle = args => ValueTask.FromResult(
            options.MaxRetryAttempts > 0 && ShouldRetry(args.Outcome, ThousandEyesRequestOptions.OperationOf(args.Context.GetRequestMessage())));
        resilience.Retry.OnRetry = args =>
        {
            var request = args.Context.GetRequestMessage();
            Log.RetryScheduled(
                logger,
                request?.Method.Method ?? "?",
                request?.RequestUri?.AbsolutePath ?? "?",
                args.AttemptNumber + 1,
                args.RetryDelay,
                args.Outcome.Result is { } response ? $"status {(int)response.StatusCode}" : args.Outcome.Exception?.GetType().Name ?? "unknown");
            return ValueTask.CompletedTask;
        };

        // The breaker is kept in the pipeline's standard shape but never opens: a rejected credential already has
        // its own circuit in the intake (CredentialCircuit), and an open breaker here would turn a partial outage
        // into refusals the intake does not expect. Its sampling window must span two attempts (package rule).
        resilience.CircuitBreaker.ShouldHandle = static _ => ValueTask.FromResult(false);
        resilience.CircuitBreaker.SamplingDuration = TimeSpan.FromTicks(Math.Max(TimeSpan.FromSeconds(30).Ticks, 2 * options.RequestTimeout.Ticks));
    }

    /// <summary>
    /// The package's transient failures (<see cref="HttpClientResiliencePredicates.IsTransient(Outcome{HttpResponseMessage})"/>:
    /// 5xx, 408, 429, connection failures, attempt timeouts) less 429 — the caller reschedules at the reset time instead
    /// of holding a worker — and, for a create, less anything that may have reached the API.
    /// </summary>
    public static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, ThousandEyesOperation operation)
    {
        if (outcome.Result?.StatusCode == HttpStatusCode.TooManyRequests || !HttpClientResiliencePredicates.IsTransient(outcome))
        {
            return false;
        }

        return operation switch
        {
            ThousandEyesOperation.CreateInstantTest => outcome switch
            {
                // A create is not idempotent: a 500, or a timeout after the body was sent, may already have created (and
                // started) the test, and a retry would create a second one. Only a gateway that says it never reached the
                // API (502/503), or a connection never made, proves nothing was created.
                { Result: { } response } => response.StatusCode is HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable,
                { Exception: HttpRequestException http } => FailedBeforeSending(http),
                _ => false,
            },

            // A snapshot create is not idempotent either, and each one spends one of the organisation's 5 per 5 minutes.
            // The Test Snapshots API (7.0.100) has only the create, no call to find one already made, so nothing that may
            // have reached the server is retried — no answer at all, not even a 502/503: a missed snapshot costs a link
            // that needs a login (the caller falls back to the app link), a second one costs a slot every run shares.
            ThousandEyesOperation.CreateSnapshot => outcome is { Exception: HttpRequestException http } && FailedBeforeSending(http),
            _ => true,
        };
    }

    /// <summary>True when the request cannot have reached the server (no connection was made).</summary>
    public static bool FailedBeforeSending(HttpRequestException exception) =>
        exception.HttpRequestError is HttpRequestError.ConnectionError
            or HttpRequestError.NameResolutionError
            or HttpRequestError.SecureConnectionError
            or HttpRequestError.ProxyTunnelError
        || exception.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionRefused or SocketError.HostNotFound or SocketError.NetworkUnreachable or SocketError.HostUnreachable };
}
