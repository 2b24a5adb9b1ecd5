namespace AlertProbe.ThousandEyes.RateLimiting;

/// <summary>Which ThousandEyes rate limit a window or a 429 belongs to.</summary>
public enum RateLimitFamily
{
    /// <summary>All API calls of the organisation (<c>X-Organization-Rate-Limit-*</c>, e.g. 240/min).</summary>
    Organization,

    /// <summary>Instant test creation and reruns (<c>X-Instant-Test-Rate-Limit-*</c>, e.g. 24/min).</summary>
    InstantTest,
}
