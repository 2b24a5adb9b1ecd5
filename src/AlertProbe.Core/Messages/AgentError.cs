namespace AlertProbe.Core.Messages;

/// <summary>An agent-side failure: the phase that failed (the API's <c>errorType</c>: "DNS", "Connect", "SSL", …) and its detail.</summary>
public sealed record AgentError
{
    public required string Phase { get; init; }

    public string? Detail { get; init; }

    /// <summary>The layer the phase belongs to: <c>dns</c>, <c>connect</c>, <c>application</c>, <c>network</c>, <c>voice</c>, <c>dnssec</c>, <c>transaction</c>.</summary>
    public string? Layer { get; init; }
}
