namespace AlertProbe.ThousandEyes.Responses;

/// <summary>A shareable snapshot of a test's results (v7 <c>SnapshotResponse</c>): its id and the link to open it.</summary>
public sealed record TestSnapshot
{
    public required string Id { get; init; }

    /// <summary><c>_links.appLink.href</c>: where a person opens the snapshot.</summary>
    public Uri? AppLink { get; init; }
}
