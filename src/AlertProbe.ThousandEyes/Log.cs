using AlertProbe.ThousandEyes.RateLimiting;
using Microsoft.Extensions.Logging;

namespace AlertProbe.ThousandEyes;

/// <summary>Source-generated logs of the ThousandEyes client. Paths only (no query), never credentials.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "ThousandEyes {Method} {Path} sending")]
    public static partial void RequestSent(ILogger logger, string method, string path);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "ThousandEyes {Method} {Path} answered {StatusCode}")]
    public static partial void ResponseReceived(ILogger logger, string method, string path, int statusCode);

    [LoggerMessage(EventId = 3, Level = LogLevel.Debug, Message = "ThousandEyes rate limits: organisation {OrganizationRemaining}/{OrganizationLimit}, instant tests {InstantTestRemaining}/{InstantTestLimit}")]
    public static partial void RateLimitState(ILogger logger, int? organizationRemaining, int? organizationLimit, int? instantTestRemaining, int? instantTestLimit);

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning, Message = "ThousandEyes {Method} {Path} retry {Attempt} in {Delay} after {Reason}")]
    public static partial void RetryScheduled(ILogger logger, string method, string path, int attempt, TimeSpan delay, string reason);

    [LoggerMessage(EventId = 5, Level = LogLevel.Warning, Message = "ThousandEyes {Method} {Path} answered 401; re-reading the credential once")]
    public static partial void CredentialRefreshing(ILogger logger, string method, string path);

    [LoggerMessage(EventId = 7, Level = LogLevel.Warning, Message = "ThousandEyes {Family} rate limit exhausted until {Until}")]
    public static partial void RateLimited(ILogger logger, RateLimitFamily family, DateTimeOffset until);

    [LoggerMessage(EventId = 8, Level = LogLevel.Warning, Message = "ThousandEyes {TestType} instant test request refused before sending: {ProblemCount} problem(s)")]
    public static partial void RequestInvalid(ILogger logger, string testType, int problemCount);

    [LoggerMessage(EventId = 9, Level = LogLevel.Warning, Message = "ThousandEyes results of test {TestId} truncated at {Pages} pages")]
    public static partial void ResultPagesCapped(ILogger logger, string testId, int pages);

    [LoggerMessage(EventId = 10, Level = LogLevel.Debug, Message = "ThousandEyes agent list served from cache ({Count} agents)")]
    public static partial void AgentsFromCache(ILogger logger, int count);

    [LoggerMessage(EventId = 11, Level = LogLevel.Error, Message = "ThousandEyes credentials unavailable: {Reason}")]
    public static partial void CredentialUnavailable(ILogger logger, string reason);

    [LoggerMessage(EventId = 12, Level = LogLevel.Warning, Message = "ThousandEyes {Method} {Path} failed: {Reason}")]
    public static partial void RequestFailed(ILogger logger, string method, string path, string reason);

    [LoggerMessage(EventId = 13, Level = LogLevel.Information, Message = "ThousandEyes {TestType} instant test {TestId} created with {LinkCount} result link(s); dropped fields: {DroppedFields}")]
    public static partial void InstantTestCreated(ILogger logger, string testType, string testId, int linkCount, IReadOnlyList<string> droppedFields);
}
