using System.Globalization;
using AlertProbe.Core.Messages;
using Azure.Messaging.ServiceBus;

namespace AlertProbe.Core.FollowUp;

/// <summary>
/// Builds the messages the follow-up schedules on the <c>instant-tests</c> topic. Each id is derived from the test,
/// the run and the attempt, so two instances (or a redelivery) scheduling the same step produce the same id and the
/// topic's duplicate detection keeps one.
/// </summary>
public static class FollowUpMessages
{
    /// <summary>A copy of a received run message that only the <c>collect</c> subscription takes, re-checking results.</summary>
    public static ServiceBusMessage CollectRetry(ServiceBusReceivedMessage received, InstantTestCreated created, int attempt) =>
        CollectCopy(received, created, FollowUpProperties.CollectAttempt, "collect", attempt);

    /// <summary>A copy of a received run message that only the <c>collect</c> subscription takes, retrying the reply.</summary>
    public static ServiceBusMessage DeliveryRetry(ServiceBusReceivedMessage received, InstantTestCreated created, int attempt) =>
        CollectCopy(received, created, FollowUpProperties.DeliveryAttempt, "deliver", attempt);

    /// <summary>
    /// "Run <c>created.Run + 1</c> is due": the previous run's contract as body, subject <c>RerunDue</c>, taken only by the
    /// <c>rerun</c> subscription (<c>collect = FALSE</c>, <c>rerun = TRUE</c>), id <c>{testId}:rerun:{n}</c>.
    /// </summary>
    public static ServiceBusMessage RerunDue(InstantTestCreated created, int attempt = 0, bool claimed = false)
    {
        ArgumentNullException.ThrowIfNull(created);
        var run = created.Run + 1;
        var message = MessageEnvelope.ToServiceBusMessage(created);
        message.Subject = FollowUpSubjects.RerunDue;
        message.MessageId = attempt == 0
            ? Invariant($"{created.TestId}:rerun:{run}")
            : Invariant($"{created.TestId}:rerun:{run}:retry:{attempt}");
        message.ApplicationProperties[MessageProperties.Collect] = false;
        message.ApplicationProperties[MessageProperties.Rerun] = true;
        message.ApplicationProperties[MessageProperties.Run] = run;
        message.ApplicationProperties[FollowUpProperties.RerunAttempt] = attempt;
        message.ApplicationProperties[FollowUpProperties.RerunClaimed] = claimed;
        return message;
    }

    /// <summary>A bool application property, false when absent or unreadable.</summary>
    public static bool Flag(ServiceBusReceivedMessage received, string property)
    {
        ArgumentNullException.ThrowIfNull(received);
        return received.ApplicationProperties.TryGetValue(property, out var value)
            && value switch
            {
                bool b => b,
                string s => bool.TryParse(s, out var parsed) && parsed,
                _ => false,
            };
    }

    /// <summary>An int application property, 0 when absent or unreadable.</summary>
    public static int Counter(ServiceBusReceivedMessage received, string property)
    {
        ArgumentNullException.ThrowIfNull(received);
        return received.ApplicationProperties.TryGetValue(property, out var value)
            ? value switch
            {
                int i => Math.Max(i, 0),
                long l => (int)Math.Clamp(l, 0, int.MaxValue),
                string s when int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) => parsed,
                _ => 0,
            }
            : 0;
    }

    private static ServiceBusMessage CollectCopy(ServiceBusReceivedMessage received, InstantTestCreated created, string counter, string step, int attempt)
    {
        ArgumentNullException.ThrowIfNull(received);
        ArgumentNullException.ThrowIfNull(created);

        // The copy constructor keeps body, content type, correlation id, subject and application properties.
        var copy = new ServiceBusMessage(received)
        {
            MessageId = Invariant($"{created.TestId}:{created.Run}:{step}:{attempt}"),
        };
        copy.ApplicationProperties[MessageProperties.Collect] = true;

        // Only collection is pending: the rerun subscription must not see the copy.
        copy.ApplicationProperties[MessageProperties.Rerun] = false;
        copy.ApplicationProperties[counter] = attempt;
        return copy;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
