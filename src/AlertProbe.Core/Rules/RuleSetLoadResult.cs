using System.Diagnostics.CodeAnalysis;

namespace AlertProbe.Core.Rules;

/// <summary>A loaded <see cref="RuleSet"/>, or every problem found in the file (never just the first).</summary>
public sealed record RuleSetLoadResult
{
    public RuleSet? RuleSet { get; private init; }

    public IReadOnlyList<RuleError> Errors { get; private init; } = [];

    [MemberNotNullWhen(true, nameof(RuleSet))]
    public bool IsSuccess => RuleSet is not null;

    internal static RuleSetLoadResult Success(RuleSet ruleSet) => new() { RuleSet = ruleSet };

    internal static RuleSetLoadResult Failed(IReadOnlyList<RuleError> errors) => new() { Errors = errors };

    public override string ToString() => IsSuccess
        ? $"{RuleSet.Rules.Count} rules from {RuleSet.SourceName}"
        : string.Join(Environment.NewLine, Errors);
}
