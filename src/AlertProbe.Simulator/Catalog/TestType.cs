namespace AlertProbe.Simulator.Catalog;

/// <summary>
/// An instant-test type: its path segment in each version (null: that version has no instant endpoint for it)
/// and the data families its runs produce, primary family first.
/// </summary>
public sealed record TestType(string? V6Name, string? V7Name, IReadOnlyList<ResultFamily> Families)
{
    public string? NameFor(ApiVersion version) => version == ApiVersion.V6 ? V6Name : V7Name;

    public IEnumerable<ResultFamily> FamiliesFor(ApiVersion version) =>
        Families.Where(family => family.PathFor(version) is not null);
}
