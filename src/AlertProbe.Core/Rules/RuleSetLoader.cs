using System.Globalization;
using YamlDotNet.Core;

namespace AlertProbe.Core.Rules;

/// <summary>
/// Loads a rules file: parse YAML → check it against <c>schemas/rules.v1.json</c> → build the immutable
/// <see cref="RuleSet"/>. Every problem is reported at once, each with file, line and column.
/// </summary>
public static class RuleSetLoader
{
    /// <summary>Loads rules from YAML text; <paramref name="sourceName"/> names it in errors (a file name).</summary>
    public static RuleSetLoadResult Load(string yaml, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        ArgumentNullException.ThrowIfNull(sourceName);
        var document = YamlDocument.Read(yaml);
        var errors = document.Problems
            .Select(problem => ToError(sourceName, problem.Mark, problem.Pointer, problem.Message))
            .ToList();
        if (document.Root is null)
        {
            if (errors.Count == 0)
            {
                errors.Add(ToError(sourceName, Mark.Empty, string.Empty, "the file is empty"));
            }

            return RuleSetLoadResult.Failed(errors);
        }

        var schemaFindings = RulesSchema.Check(document.Root);
        var (ruleSet, semanticFindings) = RuleSetBuilder.Build(document.Root, sourceName, pointer => Origin(sourceName, document.MarkOf(pointer)));

        // A precise finding ("'bgp' is not supported…") replaces the schema's generic one at or above the same place.
        var precise = semanticFindings.Select(finding => finding.Pointer).ToList();
        var findings = schemaFindings
            .Where(finding => !precise.Any(pointer => DocumentPointer.IsSameOrBelow(pointer, finding.Pointer)))
            .Concat(semanticFindings);
        errors.AddRange(findings.Select(finding => ToError(sourceName, document.MarkOf(finding.Pointer), finding.Pointer, finding.Message)));

        if (errors.Count > 0 || ruleSet is null)
        {
            return RuleSetLoadResult.Failed(errors
                .Distinct()
                .OrderBy(error => error.Line)
                .ThenBy(error => error.Column)
                .ToList());
        }

        return RuleSetLoadResult.Success(ruleSet);
    }

    /// <summary>Loads rules from a file; a missing or unreadable file is an error value, not an exception.</summary>
    public static RuleSetLoadResult LoadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string yaml;
        try
        {
            yaml = File.ReadAllText(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return RuleSetLoadResult.Failed([new RuleError(path, 0, 0, string.Empty, $"cannot read the rules file: {exception.Message}")]);
        }

        return Load(yaml, path);
    }

    /// <summary>The built-in rule set used when no rules file is configured (see <see cref="DefaultRuleSet"/>); parsed once per process.</summary>
    public static RuleSet LoadDefault() => Default.Value;

    /// <summary>Reads and loads the document a source names; an unreadable document is an error value, not an exception.</summary>
    public static async Task<RuleSetLoadResult> LoadAsync(RulesDocumentSource source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        try
        {
            var document = await source.ReadAsync(cancellationToken).ConfigureAwait(false);
            return Load(document.Text, source.Name);
        }
        catch (RulesDocumentUnavailableException exception)
        {
            return RuleSetLoadResult.Failed([new RuleError(source.Name, 0, 0, string.Empty, exception.Message)]);
        }
    }

    private static readonly Lazy<RuleSet> Default = new(() =>
    {
        var result = Load(DefaultRuleSet.Yaml, DefaultRuleSet.SourceName);
        return result.IsSuccess
            ? result.RuleSet
            : throw new InvalidOperationException($"The built-in rule set does not load: {result}");
    });

    private static RuleError ToError(string sourceName, Mark mark, string pointer, string message) =>
        new(sourceName, (int)mark.Line, (int)mark.Column, DocumentPointer.ToDisplayPath(pointer), message);

    private static string Origin(string sourceName, Mark mark) =>
        string.Create(CultureInfo.InvariantCulture, $"{sourceName}:{mark.Line}:{mark.Column}");
}
