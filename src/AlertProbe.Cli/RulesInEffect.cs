using AlertProbe.Cli.Hosting;

namespace AlertProbe.Cli;

/// <summary>
/// Which rules a command plans with, and why: <c>--rules</c>, the test file's own <c>rules:</c>, <c>Rules__Path</c>
/// from the environment, or, when none names a file, the built-in default rules. Printed by map, run and rules test
/// (and in their JSON), so a fallback to the defaults is never silent.
/// </summary>
internal sealed record RulesInEffect
{
    public const string FromOption = "option";
    public const string FromTestFile = "testFile";
    public const string FromEnvironment = "environment";
    public const string BuiltIn = "builtIn";

    /// <summary>option, testFile, environment or builtIn.</summary>
    public required string Origin { get; init; }

    /// <summary>The file as it was named; null for the built-in rules.</summary>
    public required string? Path { get; init; }

    /// <param name="option">The <c>--rules</c> value, if given.</param>
    /// <param name="testFileRules">The rules test file's own <c>rules:</c> (resolved), if any.</param>
    public static RulesInEffect Resolve(CliContext context, string? option, string? testFileRules = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!string.IsNullOrWhiteSpace(option))
        {
            return new() { Origin = FromOption, Path = option };
        }

        if (!string.IsNullOrWhiteSpace(testFileRules))
        {
            return new() { Origin = FromTestFile, Path = testFileRules };
        }

        var configured = CliConfiguration.Build(context, new Dictionary<string, string?>())["Rules:Path"];
        return string.IsNullOrWhiteSpace(configured)
            ? new() { Origin = BuiltIn, Path = null }
            : new() { Origin = FromEnvironment, Path = configured };
    }

    /// <summary>For people: "samples/rules.yaml (--rules)", "the built-in default rules (no --rules, no Rules__Path)".</summary>
    public string Describe() => Origin switch
    {
        FromOption => $"{Path} (--rules)",
        FromTestFile => $"{Path} (the test file's 'rules:')",
        FromEnvironment => $"{Path} (Rules__Path)",
        _ => "the built-in default rules (no --rules, no Rules__Path)",
    };
}
