namespace AlertProbe.Core.Messages;

/// <summary>A link to results of one family, e.g. <c>("network", "https://api.thousandeyes.com/v7/test-results/123/network")</c>.</summary>
public sealed record ResultLink
{
    /// <summary>The result family: "network", "path-vis", "http-server", … or "app" for the human view.</summary>
    public required string Family { get; init; }

    public required Uri Href { get; init; }
}
