namespace AlertProbe.ThousandEyes.Responses;

/// <summary>An agent assigned to a created test.</summary>
public sealed record TestAgentReference(string AgentId, string? AgentName);
