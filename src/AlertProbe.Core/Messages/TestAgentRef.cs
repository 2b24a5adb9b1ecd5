namespace AlertProbe.Core.Messages;

/// <summary>An agent a test runs from.</summary>
public sealed record TestAgentRef
{
    public required string AgentId { get; init; }

    public string? AgentName { get; init; }
}
