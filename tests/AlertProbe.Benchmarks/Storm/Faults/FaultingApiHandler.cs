using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Time.Testing;

namespace AlertProbe.Benchmarks.Storm.Faults;

/// <summary>
/// Innermost handler of the ThousandEyes client's pipeline (under its resilience handler, so the client's own retries
/// meet these faults as they would meet the network's): server errors, lost answers, resets, timeouts, slow answers,
/// 429s, a rotated token, and the crash right after a 201.
/// </summary>
internal sealed class FaultingApiHandler(FaultInjector faults, FakeTimeProvider time) : DelegatingHandler
{
    private static readonly HttpStatusCode[] ServerErrors = [HttpStatusCode.InternalServerError, HttpStatusCode.BadGateway, HttpStatusCode.ServiceUnavailable];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        faults.ThrowIfCrashed();
        var plan = faults.Plan;
        if (faults.Unauthorized())
        {
            return Answer(request, HttpStatusCode.Unauthorized);
        }

        if (faults.Roll(plan.ApiResets, "api.reset"))
        {
            throw new HttpRequestException("Connection reset by peer (injected)", new SocketException((int)SocketError.ConnectionReset));
        }

        if (faults.Roll(plan.ApiTimeouts, "api.timeout"))
        {
            throw new TaskCanceledException("The request was canceled due to the configured HttpClient.Timeout (injected)", new TimeoutException());
        }

        if (faults.Roll(plan.ApiServerErrors, "api.5xx"))
        {
            return Answer(request, ServerErrors[faults.Injected["api.5xx"] % ServerErrors.Length]);
        }

        if (faults.Roll(plan.ApiRateLimited, "api.429"))
        {
            var limited = Answer(request, HttpStatusCode.TooManyRequests);
            limited.Headers.Add("X-Instant-Test-Rate-Limit-Limit", "24");
            limited.Headers.Add("X-Instant-Test-Rate-Limit-Remaining", "0");
            limited.Headers.Add("X-Instant-Test-Rate-Limit-Reset", (time.GetUtcNow() + TimeSpan.FromMinutes(1)).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
            return limited;
        }

        if (faults.Roll(plan.ApiRateLimitedBare, "api.429-bare"))
        {
            return Answer(request, HttpStatusCode.TooManyRequests);
        }

        var response = await base.SendAsync(request, cancellationToken);
        if (faults.Roll(plan.ApiSlow, "api.slow"))
        {
            // The clock runs while the answer travels: the client's attempt timeout (on the same clock) may fire meanwhile.
            time.Advance(TimeSpan.FromSeconds(plan.ApiSlowSeconds));
            if (cancellationToken.IsCancellationRequested)
            {
                response.Dispose();
                cancellationToken.ThrowIfCancellationRequested();
            }
        }

        if (faults.Roll(plan.ApiErrorsAfterProcessing, "api.502-after-processing"))
        {
            response.Dispose();
            return Answer(request, HttpStatusCode.BadGateway);
        }

        if (request.Method == HttpMethod.Post && response.StatusCode == HttpStatusCode.Created)
        {
            faults.MaybeCrash(plan.CrashAfterCreate, "after-create");
            faults.ThrowIfCrashed();
        }

        return response;
    }

    private static HttpResponseMessage Answer(HttpRequestMessage request, HttpStatusCode status) =>
        new(status) { RequestMessage = request, Content = new StringContent("{\"errorMessage\":\"injected fault\"}", System.Text.Encoding.UTF8, "application/json") };
}
