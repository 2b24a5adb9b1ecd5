using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace AlertProbe.Simulator.RateLimiting;

internal static class RateLimitHeaders
{
    public static void WriteOrganization(HttpResponse response, RateLimitDecision decision) =>
        Write(response, "X-Organization-Rate-Limit", decision);

    public static void WriteInstantTest(HttpResponse response, RateLimitDecision decision) =>
        Write(response, "X-Instant-Test-Rate-Limit", decision);

    private static void Write(HttpResponse response, string prefix, RateLimitDecision decision)
    {
        response.Headers[prefix + "-Limit"] = decision.Limit.ToString(CultureInfo.InvariantCulture);
        response.Headers[prefix + "-Remaining"] = decision.Remaining.ToString(CultureInfo.InvariantCulture);
        response.Headers[prefix + "-Reset"] = decision.ResetEpochSeconds.ToString(CultureInfo.InvariantCulture);
    }
}
