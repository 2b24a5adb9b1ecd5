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
    /// When an alert's test is already being created for another alert (a pending coalescing claim), look
    /// again after this long instead of completing, so a creation that fails never swallows the alert.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan PendingCoalescingRecheck { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Prefix of generated test names (ThousandEyes wants names unique per account).</summary>
    [Required]
    [StringLength(40, MinimumLength = 1)]
    public string TestNamePrefix { get; set; } = "AlertProbe";
}
