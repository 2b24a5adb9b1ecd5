using AlertProbe.ThousandEyes.Errors;

namespace AlertProbe.ThousandEyes.RateLimiting;

/// <summary>
/// Told of every rate-limit header set and every 429 the API answers, by the client's HTTP pipeline (not by its
/// callers, so a new call site cannot forget it). Every registered observer is told; the shared rate budget is one.
/// An observer's failure is logged and does not fail the call.
/// </summary>
public interface IRateLimitObserver
{
    /// <summary>A response carried rate-limit headers.</summary>
    /// <param name="headers">The windows the response reported.</param>
    /// <param name="instantTestCall">The request created or reran an instant test (its headers include that family's window).</param>
    Task ObserveHeadersAsync(RateLimitSnapshot headers, bool instantTestCall, CancellationToken cancellationToken);

    /// <summary>The API answered 429; <paramref name="limited"/> says until when and which limit.</summary>
    Task ObserveRateLimitedAsync(RateLimitedError limited, bool instantTestCall, CancellationToken cancellationToken);
}
