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
    /// How far before a run's <c>createdAt</c> its round may start. ThousandEyes stamps a round with its start, and in
    /// the vendor's examples rounds start on minute boundaries (created 13:01:34 → roundId 13:00:00), so a round starts
    /// up to a minute before the run. Results are fetched from this far back, and a rerun's round is the first one
    /// starting after <c>createdAt</c> minus the smaller of this and the rerun interval (the previous run's round
    /// started earlier). Run 0's round is simply the test's first round.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan RoundAlignment { get; set; } = TimeSpan.FromMinutes(1);

    [Required]
    public VerdictThresholds Thresholds { get; set; } = new();

    [Required]
    public VerdictDeliveryOptions Delivery { get; set; } = new();
}
