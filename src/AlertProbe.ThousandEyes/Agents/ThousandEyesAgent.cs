namespace AlertProbe.ThousandEyes.Agents;

/// <summary>A ThousandEyes agent, version-neutral.</summary>
public sealed record ThousandEyesAgent
{
    /// <summary>The id as a string (v6 integers included).</summary>
    public required string Id { get; init; }

    public required string Name { get; init; }

    /// <summary>Lower-case: "cloud", "enterprise", "enterprise-cluster" (v6 "Enterprise Cluster" normalised).</summary>
    public required string Type { get; init; }

    /// <summary>ISO 3166 alpha-2.</summary>
    public string? CountryId { get; init; }

    public string? Location { get; init; }

    /// <summary>Label names (v6 "groups").</summary>
    public IReadOnlyList<string> Labels { get; init; } = [];

    public bool Enabled { get; init; } = true;

    /// <summary>"online", "offline", "disabled"… as reported, lower-case.</summary>
    public string? State { get; init; }
}
