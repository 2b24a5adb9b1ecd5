using System.Text.Json.Nodes;
using AlertProbe.Core.Rules.Templates;

namespace AlertProbe.Core.Rules;

/// <summary>A rendered field value, or which field and template failed and why.</summary>
public sealed record FieldRenderResult
{
    public JsonNode? Value { get; private init; }

    /// <summary>The failing field, e.g. "url" or "targetSipCredentials.sipRegistrar".</summary>
    public string? FailedField { get; private init; }

    /// <summary>The failing template as written in the rule.</summary>
    public string? FailedTemplate { get; private init; }

    public TemplateFailure? Failure { get; private init; }

    public bool IsSuccess => Failure is null;

    internal static FieldRenderResult Success(JsonNode? value) => new() { Value = value };

    internal static FieldRenderResult Failed(string field, string template, TemplateFailure failure) =>
        new() { FailedField = field, FailedTemplate = template, Failure = failure };
}
