namespace AlertProbe.Functions.Health;

/// <summary>One dependency or settings group in the health report.</summary>
public sealed record HealthCheckEntry
{
    public required string Name { get; init; }

    public required string Status { get; init; }

    public string? Description { get; init; }

    /// <summary>What is configured: host names, versions, kinds. Never a secret value.</summary>
    public required IReadOnlyDictionary<string, string> Data { get; init; }

    /// <summary>Options validation failures; they name settings, not values.</summary>
    public required IReadOnlyList<string> Failures { get; init; }
}
