namespace AlertProbe.Simulator.Agents;

public enum SimulatedAgentType
{
    Cloud,
    Enterprise,
}
