namespace AlertProbe.Core.Ingress;

public enum QueueSendOutcome
{
    Sent,

    /// <summary>Service Bus refused the message as too large for the entity.</summary>
    TooLarge,

    /// <summary>Service Bus (or its credential) failed; the sender should retry later.</summary>
    Unavailable,
}
