namespace AlertProbe.Cli.RuleTests;

/// <summary>One case's result: passed, or the differences between what was expected and what the rules made.</summary>
internal sealed record RuleTestOutcome
{
    public required RuleTestCase Case { get; init; }

    /// <summary>Lines of a readable diff: "- missing …" for expected but absent, "+ unexpected …" for produced but not expected.</summary>
    public required IReadOnlyList<string> Differences { get; init; }

    public bool Passed => Differences.Count == 0;
}
