using AlertProbe.Core.Ingress.Signatures;
using Microsoft.Extensions.Logging;

namespace AlertProbe.Core.Ingress;

/// <summary>Ingress log events. Secret names may appear; secret values, signatures and bodies never do.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Debug, Message = "Signing secret {SecretName} read from Key Vault")]
    public static partial void SecretLoaded(ILogger logger, string secretName);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Warning, Message = "Signing secret {SecretName} could not be read from Key Vault (status {Status}, code {ErrorCode})")]
    public static partial void SecretUnavailable(ILogger logger, string secretName, int status, string? errorCode);

    [LoggerMessage(EventId = 3010, Level = LogLevel.Error, Message = "Signing secret {SecretName} is configured but missing ({Problem}): its source's requests are refused until it is set")]
    public static partial void SecretMissing(ILogger logger, string secretName, string problem);

    [LoggerMessage(EventId = 3011, Level = LogLevel.Warning, Message = "Refused {Source} request: signed {TimestampKind} is {Age} from now, outside ±{Window}")]
    public static partial void SignedTimestampStale(ILogger logger, string source, string timestampKind, TimeSpan age, TimeSpan window);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Warning, Message = "Refused {Source} request: signature {SignatureStatus}")]
    public static partial void SignatureRefused(ILogger logger, string source, SignatureStatus signatureStatus);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Information, Message = "Queued {Source} message {MessageId} ({Bytes} bytes, correlation {CorrelationId})")]
    public static partial void Queued(ILogger logger, string source, string messageId, int bytes, string correlationId);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Error, Message = "Could not queue {Source} message {MessageId}: Service Bus {Reason}")]
    public static partial void QueueFailed(ILogger logger, Exception exception, string source, string messageId, string reason);

    [LoggerMessage(EventId = 3006, Level = LogLevel.Warning, Message = "Refused {Source} request: {Refusal}")]
    public static partial void Refused(ILogger logger, string source, IngressRefusal refusal);

    [LoggerMessage(EventId = 3007, Level = LogLevel.Information, Message = "Chat command from {Source} user {UserId} not queued: {Outcome}")]
    public static partial void ChatCommandNotQueued(ILogger logger, string source, string? userId, QueueSendOutcome outcome);

    [LoggerMessage(EventId = 3009, Level = LogLevel.Information, Message = "Chat command from {Source} user {UserId} queued: {TestType} test, message {MessageId}")]
    public static partial void ChatCommandQueued(ILogger logger, string source, string? userId, string testType, string messageId);

    [LoggerMessage(EventId = 3008, Level = LogLevel.Information, Message = "Chat command from {Source} user {UserId} not understood; usage sent")]
    public static partial void ChatCommandInvalid(ILogger logger, string source, string? userId);

    [LoggerMessage(EventId = 3012, Level = LogLevel.Warning, Message = "Chat command from {Source} user {UserId} refused before queueing: {Reason}: {Description}")]
    public static partial void ChatCommandRefused(ILogger logger, string source, string? userId, string reason, string description);

    [LoggerMessage(EventId = 3013, Level = LogLevel.Warning, Message = "Refused {Source} manual request before queueing: {Reason}: {Description}")]
    public static partial void ManualRequestRefused(ILogger logger, string source, string reason, string description);
}
