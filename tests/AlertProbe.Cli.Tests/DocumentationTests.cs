using System.Text.RegularExpressions;
using AlertProbe.Testing;

namespace AlertProbe.Cli.Tests;

/// <summary>The README and the simulator's README say what the repository really does.</summary>
public sealed partial class DocumentationTests
{
    [Fact]
    public void The_readme_quotes_the_closing_line_the_test_script_prints()
    {
        var script = File.ReadAllText(RepositoryRoot.Combine("scripts", "test.sh"));
        var printed = ClosingLine().Match(script);
        Assert.True(printed.Success, "scripts/test.sh no longer prints a 'tests: … passed, … failed' line");

        // ${passed} → N: the README shows the shape of the line.
        var shape = Variable().Replace(printed.Groups["line"].Value, "N");
        Assert.Contains($"`{shape}`", File.ReadAllText(RepositoryRoot.Combine("README.md")), StringComparison.Ordinal);
    }

    [Fact]
    public void The_simulator_readme_cites_only_files_in_the_repository()
    {
        var readme = File.ReadAllText(RepositoryRoot.Combine("src", "AlertProbe.Simulator", "README.md"));

        Assert.DoesNotMatch(AbsolutePath(), readme);
    }

    [GeneratedRegex("echo \"(?<line>tests: [^\"]*)\"")]
    private static partial Regex ClosingLine();

    [GeneratedRegex(@"\$\{\w+\}")]
    private static partial Regex Variable();

    [GeneratedRegex(@"(?<![\w.])/(work|home|tmp|root|usr)/")]
    private static partial Regex AbsolutePath();
}
