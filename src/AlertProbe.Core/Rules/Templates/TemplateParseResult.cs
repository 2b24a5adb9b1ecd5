using System.Diagnostics.CodeAnalysis;

namespace AlertProbe.Core.Rules.Templates;

/// <summary>A parsed template, or why the text is not a valid template.</summary>
public sealed record TemplateParseResult
{
    public Template? Template { get; private init; }

    /// <summary>What is wrong, e.g. "unknown helper 'upper' (known: host, port, …)".</summary>
    public string? Error { get; private init; }

    [MemberNotNullWhen(true, nameof(Template))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsValid => Template is not null;

    internal static TemplateParseResult Success(Template template) => new() { Template = template };

    internal static TemplateParseResult Invalid(string error) => new() { Error = error };
}
