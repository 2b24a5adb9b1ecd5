namespace AlertProbe.Core.Ingress;

/// <summary>What an ingress handler did with a request; the HTTP adapters only translate it.</summary>
public abstract record IngressResult
{
    private IngressResult()
    {
    }

    /// <summary>The message is on the queue (a webhook answers 202).</summary>
    public sealed record Queued(string MessageId) : IngressResult;

    /// <summary>
    /// A chat command was answered (HTTP 200): <paramref name="Json"/> is the body in the chat platform's format,
    /// <paramref name="Text"/> what it says; <paramref name="MessageId"/> is set when a request was queued.
    /// </summary>
    public sealed record Replied(string Text, string Json, string? MessageId) : IngressResult;

    /// <summary>Not queued; <paramref name="Message"/> is safe to return to the caller.</summary>
    public sealed record Refused(IngressRefusal Reason, string Message) : IngressResult
    {
        public static Refused Because(IngressRefusal reason) => new(reason, IngressRefusals.Describe(reason));
    }
}
