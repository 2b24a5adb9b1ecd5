using AlertProbe.ThousandEyes.RateLimiting;

namespace AlertProbe.ThousandEyes.Errors;

/// <summary>ThousandEyes answered 429. The client never sleeps: reschedule for <paramref name="Until"/>.</summary>
/// <param name="Until">From the family's Reset header, or Retry-After when later, else a minute from now.</param>
/// <param name="Family">The limit that was hit.</param>
public sealed record RateLimitedError(DateTimeOffset Until, RateLimitFamily Family) : ThousandEyesError
{
    public override string Message => $"ThousandEyes {Family} rate limit exhausted until {Until:O}";
}
