using Microsoft.Extensions.Logging;

namespace AlertProbe.Simulator;

/// <summary>The simulator's logs. Authorization values are never logged, only whether one was present.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "{Method} {Path} (authorization present: {HasAuthorization})")]
    public static partial void RequestReceived(ILogger logger, string method, string path, bool hasAuthorization);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Injected fault {StatusCode} on {Path}")]
    public static partial void FaultInjected(ILogger logger, int statusCode, string path);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Rejected {Method} {Path} with 401 (authorization present: {HasAuthorization})")]
    public static partial void Unauthorized(ILogger logger, string method, string path, bool hasAuthorization);

    [LoggerMessage(EventId = 4, Level = LogLevel.Information, Message = "Rejected account group {AccountGroupId} with 403")]
    public static partial void ForbiddenAccountGroup(ILogger logger, string accountGroupId);

    [LoggerMessage(EventId = 5, Level = LogLevel.Information, Message = "Rate limited {Path}; retry after {RetryAfterSeconds} s")]
    public static partial void RateLimited(ILogger logger, string path, int retryAfterSeconds);

    [LoggerMessage(EventId = 6, Level = LogLevel.Information, Message = "Created {ApiVersion} {TestType} instant test {TestId} targeting {Target}")]
    public static partial void TestCreated(ILogger logger, string apiVersion, string testType, string testId, string target);

    [LoggerMessage(EventId = 7, Level = LogLevel.Information, Message = "Reran test {TestId}: round {RoundNumber}")]
    public static partial void TestRerun(ILogger logger, string testId, int roundNumber);

    [LoggerMessage(EventId = 8, Level = LogLevel.Information, Message = "Refused {ApiVersion} {TestType} instant test: {FieldCount} invalid fields")]
    public static partial void TestRefused(ILogger logger, string apiVersion, string testType, int fieldCount);
}
