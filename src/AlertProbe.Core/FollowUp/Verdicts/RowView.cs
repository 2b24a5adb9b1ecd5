using System.Text.Json.Nodes;
using AlertProbe.ThousandEyes;
using AlertProbe.ThousandEyes.Results;

namespace AlertProbe.Core.FollowUp.Verdicts;

/// <summary>
/// A result row seen through its family's <see cref="FamilyFields"/>: reading a field the table does not declare is a
/// programming error, so the declared list (checked against the vendor's schemas by the contract tests) cannot drift
/// from what the engine really reads.
/// </summary>
internal sealed class RowView(JsonObject row, TestResultFamily family, ThousandEyesApiVersion version, FamilyFields fields)
{
    public FamilyFields Fields { get; } = fields;

    public TestResultFamily Family { get; } = family;

    public double? Number(string field) => RawMetrics.Number(row, Declared(field));

    public string? Text(string field) => RawMetrics.Text(row, Declared(field));

    /// <summary>The text attribute when the family declares it, else null (families differ in what they carry).</summary>
    public string? Attribute(string field) => Fields.Attributes.Contains(field, StringComparer.Ordinal) ? Text(field) : null;

    /// <summary>The failed phase named by the row, when its family has such a field.</summary>
    public string? Phase => Fields.Phase is { } phase ? Text(phase) : null;

    /// <summary>The error description of the row, when its family has such a field.</summary>
    public string? Detail => Fields.Detail is { } detail ? Text(detail) : null;

    /// <summary>The row's link into the app: v7 <c>_links.appLink.href</c> (schema Test_Results_API_TestResultAppLinks), v6 <c>permalink</c>.</summary>
    public Uri? AppLink
    {
        get
        {
            var text = Fields.Link switch
            {
                null => null,
                "_links" => row["_links"] is JsonObject links && links["appLink"] is JsonObject app ? RawMetrics.Text(app, "href") : null,
                var name => RawMetrics.Text(row, name),
            };
            return text is not null && Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http" ? uri : null;
        }
    }

    private string Declared(string field) => Fields.Contains(field)
        ? field
        : throw new InvalidOperationException($"The verdict engine read '{field}' from {Family.Name} rows of API {version}, which VerdictFields does not declare.");
}
