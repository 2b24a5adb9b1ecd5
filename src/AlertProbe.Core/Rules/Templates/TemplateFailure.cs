namespace AlertProbe.Core.Rules.Templates;

/// <summary>Why a template could not be rendered for an alert.</summary>
/// <param name="Kind">Missing value, or a value a helper could not work with.</param>
/// <param name="Variable">The variable the failing expression reads, e.g. "labels.instance".</param>
/// <param name="Detail">Plain words for a human, e.g. "the alert has no label 'instance'".</param>
public sealed record TemplateFailure(TemplateFailureKind Kind, string Variable, string Detail);

public enum TemplateFailureKind
{
    /// <summary>The alert has no such value (or it is empty), or it has no target of the requested kind.</summary>
    MissingValue,

    /// <summary>The value exists but a helper cannot use it (e.g. <c>| port</c> of something that is not a URL).</summary>
    InvalidValue,
}
