using System.ComponentModel.DataAnnotations;
using AlertProbe.Core.FollowUp.Delivery;
using AlertProbe.Core.FollowUp.Verdicts;

namespace AlertProbe.Core.FollowUp;

/// <summary>Result collection, verdict thresholds and verdict delivery (section <c>FollowUp</c>).</summary>
public sealed class FollowUpOptions
{
    public const string SectionName = "FollowUp";

    /// <summary>How long after a run's creation results are awaited before an inconclusive verdict is published.</summary>
    [Range(typeof(TimeSpan), "00:00:30", "1.00:00:00")]
    public TimeSpan CollectDeadline { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The wait before the first re-check of a run without data; doubled per attempt up to <see cref="CollectMaxDelay"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan CollectInitialDelay { get; set; } = TimeSpan.FromSeconds(15);

    [Range(typeof(TimeSpan), "00:00:01", "00:30:00")]
    public TimeSpan CollectMaxDelay { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// How far before the run's <c>createdAt</c> a round may start and still belong to the run (ThousandEyes stamps
    /// the round when it starts; AlertProbe stamps the run after the API answered). Must stay below the shortest
    /// rerun interval (1 minute), or the previous run's round would be taken for this one.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:55")]
    public TimeSpan RoundTolerance { get; set; } = TimeSpan.FromSeconds(30);

    [Required]
    public VerdictThresholds Thresholds { get; set; } = new();

    [Required]
    public VerdictDeliveryOptions Delivery { get; set; } = new();
}
