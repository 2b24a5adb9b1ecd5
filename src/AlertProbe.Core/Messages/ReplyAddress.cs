namespace AlertProbe.Core.Messages;

/// <summary>Where a verdict goes back to: a Slack response URL, a Teams incoming webhook or any webhook.</summary>
public sealed record ReplyAddress
{
    public required ReplyKind Kind { get; init; }

    /// <summary>
    /// The reply URL. Slack response URLs and Teams webhooks are bearer capabilities: never log this value.
    /// </summary>
    public required Uri Url { get; init; }
}
