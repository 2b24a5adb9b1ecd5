using AlertProbe.Core.Outcomes;

namespace AlertProbe.Core.Ingress.Chat;

/// <summary>What a chat user is told when the address policies refuse their command before it is queued.</summary>
public static class ChatRefusal
{
    /// <param name="rejection">The policy's refusal; its description names the field (<c>url: …</c>, <c>reply.url: …</c>).</param>
    /// <param name="replyOrigin">Where the reply address came from, in the user's words (Slack's <c>response_url</c>, a setting).</param>
    public static string Text(Rejection rejection, string replyOrigin)
    {
        ArgumentNullException.ThrowIfNull(rejection);
        var why = rejection.Reason == RejectionReasons.ReplyDenied
            ? $"the reply address from {replyOrigin} is not allowed: {rejection.Description}"
            : rejection.Description;
        return $"AlertProbe refused this request ({rejection.Reason}): {why}. Nothing was queued.";
    }
}
