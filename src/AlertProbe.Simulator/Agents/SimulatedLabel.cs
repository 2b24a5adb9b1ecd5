namespace AlertProbe.Simulator.Agents;

/// <summary>An agent label (v7 <c>labels</c>; v6 calls them <c>groups</c>).</summary>
public sealed record SimulatedLabel(long LabelId, string Name);
