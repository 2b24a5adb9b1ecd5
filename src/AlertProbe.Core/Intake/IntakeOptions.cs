using System.ComponentModel.DataAnnotations;

namespace AlertProbe.Core.Intake;

/// <summary>Settings of the alert intake (section <c>Intake</c>).</summary>
public sealed class IntakeOptions
{
    public const string SectionName = "Intake";

    /// <summary>
    /// After ThousandEyes rejects the credentials even with a freshly read secret, stop calling it for this
    /// long (messages are abandoned meanwhile, so they are redelivered, not lost).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan CredentialCircuitOpenFor { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// How long past its copy's due time a pending coalescing claim is held while its claimant waits for the rate
    /// budget, so the alerts attached to it are not handed to a new claim while that copy is being handled.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:30:00")]
    public TimeSpan PendingClaimGrace { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// How long the intake keeps rescheduling a message whose handling storage keeps failing (Table Storage unreachable or
    /// throttling after the SDK's own retries), backing off from 10 s doubling to 5 min, before it dead-letters the message
    /// as <c>StorageUnavailable</c>. Rescheduled rather than abandoned, so an outage does not use up the message's deliveries.
    /// </summary>
    /// <remarks>
    /// A day by default: an alert tested late is still answered, while a dead-lettered one needs a human, and a message that
    /// gives up while storage is still failing cannot name the alerts that had coalesced onto its test. At most 7 days, half
    /// the queue's message time-to-live (14 days).
    /// </remarks>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan StorageRetryFor { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Prefix of generated test names (ThousandEyes wants names unique per account).</summary>
    [Required]
    [StringLength(40, MinimumLength = 1)]
    public string TestNamePrefix { get; set; } = "AlertProbe";
}
