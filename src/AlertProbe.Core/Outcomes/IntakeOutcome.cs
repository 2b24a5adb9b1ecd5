using AlertProbe.ThousandEyes.Errors;

namespace AlertProbe.Core.Outcomes;

/// <summary>
/// How a handler wants a received message settled. Expected failures are values, so every path through a
/// handler ends in exactly one of these and the Service Bus adapter (or the CLI's in-process queue) only
/// translates them: nothing is lost, nothing is doubled.
/// </summary>
public abstract record IntakeOutcome
{
    private IntakeOutcome()
    {
    }

    /// <summary>Done (success, or nothing to do): complete the message; <paramref name="Reason"/> is logged.</summary>
    public sealed record Completed(string Reason) : IntakeOutcome
    {
        // Outcome texts leave the process (logs, dead-letter descriptions, CLI output): redacted once, here.
        public string Reason { get; init; } = SecretRedactor.Redact(Reason)!;
    }

    /// <summary>Bad input: dead-letter with a stable reason code and a human description.</summary>
    public sealed record DeadLettered(string Reason, string Description) : IntakeOutcome
    {
        public string Description { get; init; } = SecretRedactor.Redact(Description)!;

        public static DeadLettered From(Rejection rejection) => new(rejection.Reason, rejection.Description);
    }

    /// <summary>
    /// Not yet (rate budget spent, results not ready, next run due): a copy was scheduled for
    /// <paramref name="At"/>; complete the original without burning a delivery.
    /// </summary>
    public sealed record Rescheduled(DateTimeOffset At, string Reason) : IntakeOutcome
    {
        public string Reason { get; init; } = SecretRedactor.Redact(Reason)!;
    }

    /// <summary>Transient failure after bounded in-process retries: abandon so Service Bus redelivers.</summary>
    public sealed record Abandoned(string Error) : IntakeOutcome
    {
        public string Error { get; init; } = SecretRedactor.Redact(Error)!;
    }
}
