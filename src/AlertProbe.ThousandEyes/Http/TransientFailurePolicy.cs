using System.Net;
using System.Net.Sockets;
using Polly;
using Polly.Timeout;

namespace AlertProbe.ThousandEyes.Http;

/// <summary>Which failures the resilience handler retries, per operation.</summary>
internal static class TransientFailurePolicy
{
    public static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, ThousandEyesOperation operation)
    {
        if (outcome.Result is { } response)
        {
            var status = (int)response.StatusCode;

            // 429 is never retried here: the caller reschedules at the reset time instead of holding a worker.
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                return false;
            }

            return operation == ThousandEyesOperation.CreateInstantTest
                // A create is not idempotent: a 500, or a timeout after the body was sent, may already have
                // created (and started) the test, and a retry would create a second one. Only a gateway that
                // says it never reached the API (502/503) proves nothing was created.
                ? status is 502 or 503
                : status is 408 or >= 500;
        }

        return outcome.Exception switch
        {
            null => false,
            HttpRequestException http when operation == ThousandEyesOperation.CreateInstantTest => FailedBeforeSending(http),
            HttpRequestException => true,
            TimeoutRejectedException => operation != ThousandEyesOperation.CreateInstantTest,
            _ => false,
        };
    }

    /// <summary>True when the request cannot have reached the server (no connection was made).</summary>
    internal static bool FailedBeforeSending(HttpRequestException exception) =>
        exception.HttpRequestError is HttpRequestError.ConnectionError
            or HttpRequestError.NameResolutionError
            or HttpRequestError.SecureConnectionError
            or HttpRequestError.ProxyTunnelError
        || exception.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionRefused or SocketError.HostNotFound or SocketError.NetworkUnreachable or SocketError.HostUnreachable };
}
