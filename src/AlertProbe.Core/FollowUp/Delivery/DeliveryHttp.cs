using System.Net;
using Polly.Timeout;

namespace AlertProbe.Core.FollowUp.Delivery;

/// <summary>One delivery request (a reply or a write-back) sent and judged the same way for every destination.</summary>
internal static class DeliveryHttp
{
    /// <summary>
    /// Sends <paramref name="request"/> and says how it went: a 2xx is delivered; a 5xx, 408, 429, a failed connection or
    /// no answer within <paramref name="requestTimeout"/> is transient; anything else (a 3xx is never followed: the
    /// destination's misconfiguration) is permanent. Exception texts may quote the URL, so only the error's kind is
    /// kept in the outcome and in what <paramref name="failed"/> is given.
    /// </summary>
    public static async Task<DeliveryOutcome> SendAsync(
        HttpClient http,
        HttpRequestMessage request,
        string described,
        TimeSpan requestTimeout,
        Action<string> failed,
        Action<int> delivered,
        CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException exception)
        {
            failed(exception.HttpRequestError.ToString());
            return new DeliveryOutcome(DeliveryStatus.FailedTransiently, $"{described}: connection failed ({exception.HttpRequestError})");
        }
        catch (Exception exception) when (exception is TimeoutRejectedException || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            failed("timeout");
            return new DeliveryOutcome(DeliveryStatus.FailedTransiently, $"{described}: no answer within {requestTimeout}");
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
            {
                delivered(status);
                return new DeliveryOutcome(DeliveryStatus.Delivered, $"{described}: {status}");
            }

            failed($"status {status}");
            var transient = status >= 500 || response.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests;
            return new DeliveryOutcome(transient ? DeliveryStatus.FailedTransiently : DeliveryStatus.FailedPermanently, $"{described}: status {status}");
        }
    }
}
