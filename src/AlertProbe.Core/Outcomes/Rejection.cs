using AlertProbe.ThousandEyes.Errors;

namespace AlertProbe.Core.Outcomes;

/// <summary>
/// Why a message or a plan was refused: <see cref="Reason"/> is a stable code (it becomes the Service Bus
/// <c>DeadLetterReason</c> and the CLI's rejection reason), <see cref="Description"/> says in plain words
/// what was wrong and how to fix it. Never put secrets in either.
/// </summary>
public sealed record Rejection(string Reason, string Description)
{
    /// <summary>Redacted once, here: descriptions quote payloads and upstream answers, and leave the process.</summary>
    public string Description { get; init; } = SecretRedactor.Redact(Description)!;

    public override string ToString() => $"{Reason}: {Description}";
}

/// <summary>The stable rejection codes. Adding one is fine; renaming one breaks dead-letter dashboards.</summary>
public static class RejectionReasons
{
    public const string PayloadTooLarge = "PayloadTooLarge";
    public const string InvalidUtf8 = "InvalidUtf8";
    public const string InvalidJson = "InvalidJson";

    /// <summary>A parser failed on a payload it should have refused with a specific reason (a bug: please report it).</summary>
    public const string UnreadablePayload = "UnreadablePayload";
    public const string NestingTooDeep = "NestingTooDeep";
    public const string UnknownFormat = "UnknownFormat";
    public const string UnsupportedSchema = "UnsupportedSchema";
    public const string MissingField = "MissingField";
    public const string InvalidField = "InvalidField";
    public const string UnsupportedTestType = "UnsupportedTestType";
    public const string NoTarget = "NoTarget";
    public const string TargetDenied = "TargetDenied";
    public const string NoAgents = "NoAgents";
    public const string ThousandEyesRejected = "ThousandEyesRejected";
    public const string ReplyDenied = "ReplyDenied";

    /// <summary>
    /// An earlier delivery created the test but died (or lost the answer) before its id was recorded: it exists, is not
    /// created again, and cannot be followed up (no way to look an instant test up by its name was verified against the API).
    /// </summary>
    public const string TestIdLost = "TestIdLost";

    /// <summary>A plan still failed transiently on the message's last delivery; dead-lettered by the intake, naming its riders.</summary>
    public const string DeliveriesExhausted = "DeliveriesExhausted";

    /// <summary>Storage kept failing the message's handling for longer than <c>Intake:StorageRetryFor</c>; dead-lettered by the intake.</summary>
    public const string StorageUnavailable = "StorageUnavailable";
}
