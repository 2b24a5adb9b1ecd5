using System.ComponentModel.DataAnnotations;

namespace AlertProbe.Core.RateLimiting;

/// <summary>
/// The ThousandEyes instant-test budget (section <c>RateBudget</c>). ThousandEyes limits instant tests per
/// organisation (24/min by default), not per process, so every instance draws from one stored budget.
/// </summary>
public sealed class RateBudgetOptions
{
    public const string SectionName = "RateBudget";

    /// <summary>
    /// Instant tests per window AlertProbe allows itself. The API's own limit (from response headers) caps it
    /// further; set this lower to leave room for other users of the same organisation.
    /// </summary>
    [Range(1, 100_000)]
    public int Limit { get; set; } = 24;

    /// <summary>The API's window: it rolls one minute after the first request of a batch.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Share of each window only Error and Critical alerts may use, so a storm of warnings cannot starve them
    /// (rounded down: with a limit of 24, 25% keeps 6).
    /// </summary>
    [Range(0, 100)]
    public int HighSeverityReservePercent { get; set; } = 25;

    /// <summary>Which budget to draw from: one per ThousandEyes organisation sharing the storage.</summary>
    [Required]
    [RegularExpression("^[A-Za-z0-9._:@=-]{1,100}$")]
    public string Scope { get; set; } = "default";
}
