namespace AlertProbe.Simulator.Agents;

/// <summary>The fixed, deterministic set of agents: six cloud agents on four continents and two enterprise agents.</summary>
public static class AgentCatalog
{
    private static readonly SimulatedLabel NorthAmerica = new(9001, "North America");
    private static readonly SimulatedLabel Europe = new(9002, "Europe");
    private static readonly SimulatedLabel AsiaPacific = new(9003, "Asia Pacific");
    private static readonly SimulatedLabel SouthAmerica = new(9004, "South America");
    private static readonly SimulatedLabel BranchOffices = new(9101, "Branch Offices");
    private static readonly SimulatedLabel DataCenters = new(9102, "Data Centers");

    public static IReadOnlyList<SimulatedAgent> All { get; } =
    [
        Cloud(113, "Ashburn, VA", "US", "Ashburn Area", NorthAmerica, "203.0.113.13", 6),
        Cloud(114, "Frankfurt, Germany", "DE", "Frankfurt Area", Europe, "203.0.113.14", 88),
        Cloud(115, "London, England", "GB", "London Area", Europe, "203.0.113.15", 76),
        Cloud(116, "Tokyo, Japan", "JP", "Tokyo Area", AsiaPacific, "203.0.113.16", 148),
        Cloud(117, "Sydney, Australia", "AU", "Sydney Area", AsiaPacific, "203.0.113.17", 196),
        Cloud(118, "Sao Paulo, Brazil", "BR", "Sao Paulo Area", SouthAmerica, "203.0.113.18", 122),
        Enterprise(201, "branch-paris-01", "FR", "Paris, Ile-de-France, France", BranchOffices, "198.51.100.21", 82),
        Enterprise(202, "dc-chicago-01", "US", "Chicago, Illinois, US", DataCenters, "198.51.100.22", 18),
    ];

    public static SimulatedAgent? Find(long agentId) => All.FirstOrDefault(agent => agent.AgentId == agentId);

    public static SimulatedAgent? Find(string agentId) =>
        long.TryParse(agentId, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) ? Find(id) : null;

    private static SimulatedAgent Cloud(long id, string name, string country, string location, SimulatedLabel label, string ip, double latency) =>
        new()
        {
            AgentId = id, AgentName = name, AgentType = SimulatedAgentType.Cloud, CountryId = country, Location = location,
            Labels = [label], IpAddress = ip, BaseLatencyMs = latency,
        };

    private static SimulatedAgent Enterprise(long id, string name, string country, string location, SimulatedLabel label, string ip, double latency) =>
        new()
        {
            AgentId = id, AgentName = name, AgentType = SimulatedAgentType.Enterprise, CountryId = country, Location = location,
            Labels = [label], IpAddress = ip, BaseLatencyMs = latency,
        };
}
