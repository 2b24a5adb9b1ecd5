using System.Net;
using AlertProbe.ThousandEyes.RateLimiting;
using Microsoft.Extensions.Logging;

namespace AlertProbe.ThousandEyes.Http;

/// <summary>
/// Reports each response's rate-limit headers and each 429 to every <see cref="IRateLimitObserver"/>. It sits above the
/// resilience handler: it sees the answer the client gets (after retries), and an observer's time never counts
/// against an attempt's timeout (a slow write there must not make a create look timed out and be retried).
/// </summary>
internal sealed partial class RateLimitObservingHandler : DelegatingHandler
{
    private readonly IRateLimitObserver[] _observers;
    private readonly TimeProvider _time;
    private readonly ILogger<RateLimitObservingHandler> _logger;

    public RateLimitObservingHandler(IEnumerable<IRateLimitObserver> observers, TimeProvider time, ILogger<RateLimitObservingHandler> logger)
    {
        ArgumentNullException.ThrowIfNull(observers);
        _observers = [.. observers];
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (_observers.Length == 0)
        {
            return response;
        }

        var now = _time.GetUtcNow();
        var operation = ThousandEyesRequestOptions.OperationOf(request);
        var instantTestCall = operation != ThousandEyesOperation.Read;
        var headers = RateLimitHeaders.Parse(response.Headers, now);
        var limited = response.StatusCode == HttpStatusCode.TooManyRequests
            ? RateLimitHeaders.RateLimitedError(response.Headers, headers, operation, now)
            : null;
        foreach (var observer in _observers)
        {
            try
            {
                if (headers is not null)
                {
                    await observer.ObserveHeadersAsync(headers, instantTestCall, cancellationToken).ConfigureAwait(false);
                }

                if (limited is not null)
                {
                    await observer.ObserveRateLimitedAsync(limited, instantTestCall, cancellationToken).ConfigureAwait(false);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Keeping the budget in step is advisory: the call's own answer (a created test, a 429 to reschedule)
                // matters more than recording it, and the next response reports the window again.
                LogObserverFailed(_logger, observer.GetType().Name, ex);
            }
        }

        return response;
    }

    [LoggerMessage(EventId = 14, Level = LogLevel.Warning, Message = "ThousandEyes rate-limit observer {Observer} failed; the call's answer is kept")]
    private static partial void LogObserverFailed(ILogger logger, string observer, Exception exception);
}
