using AlertProbe.Core.Messages;
using AlertProbe.Core.Outcomes;

namespace AlertProbe.Cli.LocalRun;

/// <summary>One delivery of a bus message to a handler in the in-process run, and how the handler asked to settle it.</summary>
/// <param name="Handler">Which handler took it: <see cref="Intake"/>, <see cref="Collect"/> or <see cref="Rerun"/>.</param>
/// <param name="Message">The message as it sat on the bus.</param>
/// <param name="DeliveryCount">1 for the first delivery; more after abandons.</param>
/// <param name="Outcome">The settlement; a delivery past the maximum count is dead-lettered by the bus itself.</param>
/// <param name="At">The run's clock when the handler returned.</param>
internal sealed record Delivery(string Handler, BusMessage Message, int DeliveryCount, IntakeOutcome Outcome, DateTimeOffset At)
{
    public const string Intake = "intake";
    public const string Collect = "collect";
    public const string Rerun = "rerun";

    /// <summary>
    /// Why it failed, in the transport's or library's own words ("Connection refused (127.0.0.1:5999)"), when the
    /// outcome was not a success and a cause was seen during the delivery; null otherwise.
    /// </summary>
    public string? Cause { get; init; }

    /// <summary>The dead-letter reason Service Bus uses when a message was delivered too often.</summary>
    public const string MaxDeliveryCountExceeded = "MaxDeliveryCountExceeded";

    /// <summary>
    /// A dead-letter that says the run failed (deliveries exhausted, by the broker or by the intake on the last one)
    /// rather than that the input was refused.
    /// </summary>
    public static bool IsRuntimeFailure(string reason) =>
        reason is MaxDeliveryCountExceeded or RejectionReasons.DeliveriesExhausted;

    /// <summary>The id the alert message had when first sent (rescheduled copies keep it).</summary>
    public string OriginalMessageId =>
        Message.Message.ApplicationProperties.TryGetValue(MessageProperties.OriginalMessageId, out var value) && value is string { Length: > 0 } id
            ? id
            : Message.Message.MessageId;
}
