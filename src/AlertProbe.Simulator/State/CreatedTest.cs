using System.Text.Json.Nodes;
using AlertProbe.Simulator.Agents;
using AlertProbe.Simulator.Catalog;

namespace AlertProbe.Simulator.State;

/// <summary>A snapshot of an instant test the simulator created.</summary>
public sealed record CreatedTest
{
    /// <summary>The id as v7 writes it (v6 writes the same number as an integer).</summary>
    public required string TestId { get; init; }

    /// <summary>The type segment used to create it, e.g. <c>http-server</c>, <c>dns-dnssec</c> (v6), <c>dnssec</c> (v7).</summary>
    public required string TestType { get; init; }

    public required ApiVersion ApiVersion { get; init; }

    public required string AccountGroupId { get; init; }

    public required string TestName { get; init; }

    /// <summary>What the test probes (url, server, domain, SIP registrar or target agent); <see cref="SimulatorState.BreakTarget"/> matches it.</summary>
    public required string Target { get; init; }

    /// <summary>The definition as the create call returned it (a copy).</summary>
    public required JsonObject Definition { get; init; }

    public required IReadOnlyList<SimulatedAgent> Agents { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required IReadOnlyList<TestRound> Rounds { get; init; }

    /// <summary>Runs so far: the creation counts as the first.</summary>
    public int RunCount => Rounds.Count;
}
