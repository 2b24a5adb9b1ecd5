using System.Text.Json.Nodes;
using AlertProbe.ThousandEyes.Requests;

namespace AlertProbe.ThousandEyes.Responses;

/// <summary>An instant test ThousandEyes created (and started).</summary>
public sealed record CreatedInstantTest
{
    /// <summary>The test id (v6 integers as strings).</summary>
    public required string TestId { get; init; }

    public required InstantTestType Type { get; init; }

    public string? TestName { get; init; }

    public required ThousandEyesApiVersion ApiVersion { get; init; }

    public DateTimeOffset? CreatedDate { get; init; }

    /// <summary>Where the results will appear; poll these.</summary>
    public required IReadOnlyList<ResultLink> ResultLinks { get; init; }

    public required IReadOnlyList<TestAgentReference> Agents { get; init; }

    /// <summary>The account group the test was created in (null for the token's default).</summary>
    public string? AccountGroupId { get; init; }

    /// <summary>Fields the instant API ignores that were not sent (interval, alertRules, …).</summary>
    public IReadOnlyList<string> DroppedFields { get; init; } = [];

    /// <summary>The definition as ThousandEyes returned it.</summary>
    public required JsonObject Definition { get; init; }
}
