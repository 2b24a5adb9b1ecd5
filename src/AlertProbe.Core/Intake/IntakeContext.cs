using System.Text.Json.Nodes;
using AlertProbe.Core.Alerts;
using AlertProbe.Core.Messages;

namespace AlertProbe.Core.Intake;

/// <summary>What the intake knows about the message being handled, beyond its plans.</summary>
public sealed record IntakeContext
{
    /// <summary>The id of the message as first sent (rescheduled copies keep it): the idempotency key.</summary>
    public required string OriginalMessageId { get; init; }

    public required string CorrelationId { get; init; }

    /// <summary>
    /// When this message was first enqueued (its EnqueuedTime, or what a rescheduled copy carries of it): the same for every
    /// redelivery and copy of it, different for the same content sent again. Test names carry it, so a new intake never
    /// meets an earlier intake's name and a copy that comes back after a crash meets its own.
    /// </summary>
    public DateTimeOffset? EnqueuedAt { get; init; }

    public IReadOnlyList<Alert> Alerts { get; init; } = [];

    /// <summary>This delivery is the queue's last (<see cref="Messages.MessagingOptions.AlertsMaxDeliveryCount"/>): abandoning it would dead-letter it.</summary>
    public bool IsLastDelivery { get; init; }

    /// <summary>The rate-budget window this copy has a slot booked in (from its earlier delivery), if any.</summary>
    public DateTimeOffset? BudgetBooking { get; init; }

    /// <summary>A test an earlier delivery of this message created but could not settle: this delivery settles it.</summary>
    public CarriedCreation? Carried { get; init; }

    /// <summary>Where the verdict for an alert's tests goes: the request's own reply address, if it gave one.</summary>
    public ReplyAddress? ReplyFor(string alertId)
    {
        var reply = Alerts.FirstOrDefault(a => a.Id == alertId)?.Reply;
        return reply is not null && TryReadReply(reply, out var address) ? address : null;
    }

    private static bool TryReadReply(JsonObject reply, out ReplyAddress? address)
    {
        address = null;
        var kindText = reply["kind"]?.GetValueKind() == System.Text.Json.JsonValueKind.String ? (string?)reply["kind"] : null;
        var urlText = reply["url"]?.GetValueKind() == System.Text.Json.JsonValueKind.String ? (string?)reply["url"] : null;
        if (!Enum.TryParse<ReplyKind>(kindText, ignoreCase: true, out var kind)
            || !Uri.TryCreate(urlText, UriKind.Absolute, out var url)
            || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            return false;
        }

        address = new ReplyAddress { Kind = kind, Url = url };
        return true;
    }
}
