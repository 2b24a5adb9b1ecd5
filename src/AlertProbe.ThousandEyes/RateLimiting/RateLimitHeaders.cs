using System.Globalization;
using System.Net.Http.Headers;
using AlertProbe.ThousandEyes.Errors;
using AlertProbe.ThousandEyes.Http;

namespace AlertProbe.ThousandEyes.RateLimiting;

/// <summary>Reads the <c>X-Organization-Rate-Limit-*</c> and <c>X-Instant-Test-Rate-Limit-*</c> headers.</summary>
internal static class RateLimitHeaders
{
    public const string OrganizationPrefix = "X-Organization-Rate-Limit-";
    public const string InstantTestPrefix = "X-Instant-Test-Rate-Limit-";

    private static readonly TimeSpan DefaultRateLimitWait = TimeSpan.FromSeconds(60);

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

    /// <summary>
    /// Until when a 429 holds: the relevant family's Reset (the instant-test family for create and rerun unless
    /// only the organisation window is exhausted), later of that and Retry-After, else a minute from now.
    /// </summary>
    public static RateLimitedError RateLimitedError(HttpResponseHeaders headers, RateLimitSnapshot? observed, ThousandEyesOperation operation, DateTimeOffset now)
    {
        var family = operation != ThousandEyesOperation.Read
            && !(observed?.InstantTest is not { IsExhausted: true } && observed?.Organization is { IsExhausted: true })
                ? RateLimitFamily.InstantTest
                : RateLimitFamily.Organization;
        var reset = observed?.For(family)?.Reset;
        var retryAfter = RetryAfter(headers, now);
        DateTimeOffset? until = (reset, retryAfter) switch
        {
            ({ } r, { } a) => r > a ? r : a,
            ({ } r, null) => r,
            (null, { } a) => a,
            _ => null,
        };
        return new RateLimitedError(until is { } u && u > now ? u : now + (until is null ? DefaultRateLimitWait : TimeSpan.FromSeconds(1)), family);
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
