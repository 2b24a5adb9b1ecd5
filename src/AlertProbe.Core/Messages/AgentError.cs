namespace AlertProbe.Core.Messages;

/// <summary>An agent-side failure: the phase that failed (the API's <c>errorType</c>: "DNS", "Connect", "SSL", …) and its detail.</summary>
public sealed record AgentError
{
    public required string Phase { get; init; }

    public string? Detail { get; init; }
}
