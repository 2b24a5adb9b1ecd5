using System.Text.Json.Serialization;

namespace AlertProbe.Simulator.Api;

/// <summary>v7 error body (RFC 7807 problem details, as ThousandEyes sends them).</summary>
internal sealed record ProblemBody(
    string Type,
    string Title,
    int Status,
    string Detail,
    string Instance,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<FieldErrorBody>? Errors = null);

/// <summary>One invalid field of a v7 400.</summary>
internal sealed record FieldErrorBody(string Code, string Field, string Message);

/// <summary>v6 error body.</summary>
internal sealed record V6ErrorBody(string ErrorMessage);
