using System.Globalization;
using System.Net.Http.Headers;

namespace AlertProbe.ThousandEyes.RateLimiting;

/// <summary>Reads the <c>X-Organization-Rate-Limit-*</c> and <c>X-Instant-Test-Rate-Limit-*</c> headers.</summary>
internal static class RateLimitHeaders
{
    public const string OrganizationPrefix = "X-Organization-Rate-Limit-";
    public const string InstantTestPrefix = "X-Instant-Test-Rate-Limit-";

    /// <summary>The windows present in <paramref name="headers"/>; null when there are none.</summary>
    public static RateLimitSnapshot? Parse(HttpResponseHeaders headers, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(headers);
        var organization = ParseWindow(headers, OrganizationPrefix);
        var instantTest = ParseWindow(headers, InstantTestPrefix);
        return organization is null && instantTest is null
            ? null
            : new RateLimitSnapshot { Organization = organization, InstantTest = instantTest, ObservedAt = now };
    }

    /// <summary>Retry-After (seconds or HTTP date) as an absolute time, when present.</summary>
    public static DateTimeOffset? RetryAfter(HttpResponseHeaders headers, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(headers);
        var retryAfter = headers.RetryAfter;
        return retryAfter?.Delta is { } delta ? now + delta : retryAfter?.Date;
    }

    private static RateLimitWindow? ParseWindow(HttpResponseHeaders headers, string prefix)
    {
        var limit = ReadLong(headers, prefix + "Limit");
        var remaining = ReadLong(headers, prefix + "Remaining");
        var reset = ReadLong(headers, prefix + "Reset");
        if (limit is null || remaining is null || reset is null)
        {
            return null;
        }

        return new RateLimitWindow(
            (int)Math.Clamp(limit.Value, 0, int.MaxValue),
            (int)Math.Clamp(remaining.Value, 0, int.MaxValue),
            DateTimeOffset.FromUnixTimeSeconds(reset.Value));
    }

    private static long? ReadLong(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values)
        && long.TryParse(values.FirstOrDefault()?.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;
}
