namespace AlertProbe.ThousandEyes.Requests;

/// <summary>An agent to run an instant test from. Ids are strings here; the v6 serialiser writes them as integers.</summary>
/// <param name="AgentId">The agent id.</param>
/// <param name="SourceIpAddress">Optional source address (Enterprise agents with several interfaces).</param>
public sealed record InstantTestAgent(string AgentId, string? SourceIpAddress = null);
