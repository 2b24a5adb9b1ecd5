using AlertProbe.Core.Alerts;
using AlertProbe.Core.FollowUp.Delivery;
using AlertProbe.Core.Outcomes;

namespace AlertProbe.Core.Policy;

/// <summary>
/// The intake's address decisions on a request it has not queued yet: every reply address against the
/// <see cref="ReplyPolicy"/>, and every test plan (each address field, in canonical form) against the
/// <see cref="TargetPolicy"/> — the same objects and the same reading (<see cref="AlertPayloadParser"/>) the intake uses,
/// so ingress refuses at once what the intake would dead-letter. The chat entries and the webhook run it before queueing,
/// so a refused request is answered to the person who sent it and never reaches the queue; the intake keeps its own
/// check (defence in depth: the queue has senders that bypass ingress). Alerts planned by rules are not judged here:
/// their targets exist only after rule templating, which is the intake's.
/// </summary>
public sealed class ManualRequestPolicy(AlertPayloadParser parser, TargetPolicy targets, ReplyPolicy replies)
{
    /// <summary>Reads <paramref name="body"/> as the intake would and judges it; null when nothing is refused.</summary>
    /// <returns>The parser's rejection, a <see cref="RejectionReasons.ReplyDenied"/> or the first plan's policy rejection.</returns>
    public Rejection? Check(ReadOnlyMemory<byte> body, PayloadHints hints)
    {
        ArgumentNullException.ThrowIfNull(hints);
        var parsed = parser.Parse(body, hints);
        return parsed.IsRejected ? parsed.Rejection : Check(parsed);
    }

    /// <summary>Judges an already parsed payload's reply addresses and manual plans; null when nothing is refused (or nothing is there).</summary>
    public Rejection? Check(AlertParseResult parsed)
    {
        ArgumentNullException.ThrowIfNull(parsed);
        if (parsed.IsRejected)
        {
            return null;
        }

        foreach (var alert in parsed.Alerts)
        {
            if (alert.Reply is { } reply && replies.Check(reply) is { } refused)
            {
                return refused;
            }
        }

        foreach (var plan in parsed.ManualPlans)
        {
            var decision = targets.Evaluate(plan);
            if (!decision.IsAllowed)
            {
                return decision.Rejection;
            }
        }

        return null;
    }
}
