using System.Net;
using AlertProbe.ThousandEyes.RateLimiting;

namespace AlertProbe.ThousandEyes.Tests.RateLimiting;

public sealed class RateLimitHeadersTests
{
    private static readonly DateTimeOffset Now = new(2025, 1, 15, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Both_header_families_are_read_with_reset_as_epoch_seconds()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.OK);
        response.Headers.Add("X-Organization-Rate-Limit-Limit", "240");
        response.Headers.Add("X-Organization-Rate-Limit-Remaining", "239");
        response.Headers.Add("X-Organization-Rate-Limit-Reset", Now.AddSeconds(60).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture));
        response.Headers.Add("X-Instant-Test-Rate-Limit-Limit", "24");
        response.Headers.Add("X-Instant-Test-Rate-Limit-Remaining", "0");
        response.Headers.Add("X-Instant-Test-Rate-Limit-Reset", Now.AddSeconds(30).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture));

        var snapshot = RateLimitHeaders.Parse(response.Headers, Now);

        Assert.Equal(
            new RateLimitSnapshot
            {
                Organization = new RateLimitWindow(240, 239, Now.AddSeconds(60)),
                InstantTest = new RateLimitWindow(24, 0, Now.AddSeconds(30)),
                ObservedAt = Now,
            },
            snapshot);
    }

    [Fact]
    public void A_response_without_the_headers_gives_no_snapshot()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.OK);

        Assert.Null(RateLimitHeaders.Parse(response.Headers, Now));
    }

    [Fact]
    public void An_incomplete_family_is_ignored()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.OK);
        response.Headers.Add("X-Instant-Test-Rate-Limit-Limit", "24");
        response.Headers.Add("X-Instant-Test-Rate-Limit-Remaining", "3");

        Assert.Null(RateLimitHeaders.Parse(response.Headers, Now));
    }

    [Fact]
    public void Retry_after_in_seconds_becomes_an_absolute_time()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.Add("Retry-After", "17");

        Assert.Equal(Now.AddSeconds(17), RateLimitHeaders.RetryAfter(response.Headers, Now));
    }

    [Fact]
    public void A_newer_snapshot_replaces_only_the_windows_it_carries()
    {
        var older = new RateLimitSnapshot { Organization = new(240, 100, Now), InstantTest = new(24, 5, Now), ObservedAt = Now };
        var newer = new RateLimitSnapshot { Organization = new(240, 99, Now), ObservedAt = Now.AddSeconds(1) };

        var merged = older.MergeWith(newer);

        Assert.Equal((99, 5), (merged.Organization!.Remaining, merged.InstantTest!.Remaining));
    }
}
