namespace AlertProbe.Simulator.State;

/// <summary>An account group the simulated user belongs to; <c>aid</c> selects one, anything else is 403.</summary>
public sealed record AccountGroup(string Aid, string Name, bool IsDefault);
