namespace AlertProbe.Cli.RuleTests;

/// <summary>A rules test file: payloads and what the rules must make of them (format in docs/cli.md).</summary>
internal sealed record RuleTestSuite
{
    /// <summary>The fixture file (absolute); relative paths inside it resolve against its folder.</summary>
    public required string Path { get; init; }

    /// <summary>The rules file the fixtures are written for (absolute), or null for the configured/default rules.</summary>
    public string? RulesPath { get; init; }

    /// <summary>"v6" or "v7"; null for the configured version.</summary>
    public string? ApiVersion { get; init; }

    public required IReadOnlyList<RuleTestCase> Cases { get; init; }
}

/// <summary>One payload and its complete expected outcome: every plan and every rejection (none when not listed).</summary>
internal sealed record RuleTestCase
{
    public required string Name { get; init; }

    /// <summary>Where the case starts in the fixture file (1-based), for messages.</summary>
    public required int Line { get; init; }

    /// <summary>The payload file (absolute), or null when <see cref="InlineBody"/> is given.</summary>
    public string? PayloadPath { get; init; }

    /// <summary>The payload written in the fixture itself.</summary>
    public string? InlineBody { get; init; }

    /// <summary>A format hint, as <c>map --source</c>.</summary>
    public string? Source { get; init; }

    /// <summary>The format that must be detected; null to not check.</summary>
    public string? Format { get; init; }

    public IReadOnlyList<ExpectedPlan> Plans { get; init; } = [];

    public IReadOnlyList<ExpectedRejection> Rejections { get; init; } = [];
}

/// <summary>A plan that must be produced; only the fields given are compared.</summary>
internal sealed record ExpectedPlan
{
    public string? Rule { get; init; }

    public string? Type { get; init; }

    public string? Target { get; init; }

    public string? AlertId { get; init; }

    /// <summary>The exact agent selection, when given.</summary>
    public ExpectedAgents? Agents { get; init; }

    /// <summary>How many fields are pinned: more specific expectations are matched first.</summary>
    public int Specificity =>
        (Rule is null ? 0 : 1) + (Type is null ? 0 : 1) + (Target is null ? 0 : 1) + (AlertId is null ? 0 : 1) + (Agents is null ? 0 : 1);
}

/// <summary>An agent selection as the rules or the request wrote it (every kind compared; unlisted kinds must be empty).</summary>
internal sealed record ExpectedAgents
{
    public IReadOnlyList<string> Ids { get; init; } = [];

    public IReadOnlyList<string> Names { get; init; } = [];

    public IReadOnlyList<string> Labels { get; init; } = [];

    public IReadOnlyList<string> Countries { get; init; } = [];

    public IReadOnlyList<string> Types { get; init; } = [];

    public int? Max { get; init; }
}

/// <summary>A rejection that must happen: its reason code, and optionally text its description contains.</summary>
internal sealed record ExpectedRejection
{
    public required string Reason { get; init; }

    public string? DescriptionContains { get; init; }
}
