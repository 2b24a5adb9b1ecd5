namespace AlertProbe.Core.Rules;

/// <summary>One problem in a rules file, located for a human: <c>rules.yaml:12:9: rules[2].tests[0].type: …</c>.</summary>
/// <param name="SourceName">The file or resource name.</param>
/// <param name="Line">1-based line.</param>
/// <param name="Column">1-based column.</param>
/// <param name="Path">Where in the document, e.g. "rules[2].tests[0].type"; empty for the whole document.</param>
/// <param name="Message">What is wrong.</param>
public sealed record RuleError(string SourceName, int Line, int Column, string Path, string Message)
{
    public override string ToString() => Path.Length == 0
        ? $"{SourceName}:{Line}:{Column}: {Message}"
        : $"{SourceName}:{Line}:{Column}: {Path}: {Message}";
}
