using System.Text.Json.Nodes;

namespace AlertProbe.ThousandEyes.Results;

/// <summary>Version-neutral envelope of a results fetch, every page followed (up to the page cap).</summary>
public sealed record TestResults
{
    public required string TestId { get; init; }

    /// <summary>Null when fetched by a link whose family the client does not recognise.</summary>
    public TestResultFamily? Family { get; init; }

    public required ThousandEyesApiVersion ApiVersion { get; init; }

    /// <summary>All rows of all pages; empty when the round has not produced data yet.</summary>
    public required IReadOnlyList<TestResultRow> Rows { get; init; }

    public int PagesFetched { get; init; } = 1;

    /// <summary>True when more pages existed than <c>ThousandEyes:MaxResultPages</c> allowed.</summary>
    public bool Truncated { get; init; }

    /// <summary>The test definition echoed by the results endpoint, when present.</summary>
    public JsonObject? Test { get; init; }
}
