using System.Diagnostics.CodeAnalysis;

namespace AlertProbe.Core.Rules.Templates;

/// <summary>The rendered text, or why the template could not be filled from this alert.</summary>
public sealed record TemplateRenderResult
{
    public string? Value { get; private init; }

    public TemplateFailure? Failure { get; private init; }

    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Failure))]
    public bool IsSuccess => Failure is null;

    internal static TemplateRenderResult Success(string value) => new() { Value = value };

    internal static TemplateRenderResult Failed(TemplateFailure failure) => new() { Failure = failure };
}
