using System.Text.RegularExpressions;

namespace AlertProbe.Cli.Output;

/// <summary>How every command reports an error: one line on standard error, no stack trace, and the exit code to return.</summary>
internal static partial class ErrorOutput
{
    public static int Usage(CliContext context, string message)
    {
        context.Error.WriteLine($"alertprobe: {message}");
        return ExitCodes.Usage;
    }

    public static int Failure(CliContext context, string message)
    {
        context.Error.WriteLine($"alertprobe: {message}");
        return ExitCodes.Failure;
    }

    /// <summary>Several problems (e.g. every failed option validation), one per line under a headline.</summary>
    public static int Usage(CliContext context, string headline, IEnumerable<string> problems)
    {
        context.Error.WriteLine($"alertprobe: {headline}");
        foreach (var problem in problems)
        {
            context.Error.WriteLine($"  - {problem}");
        }

        return ExitCodes.Usage;
    }

    /// <summary>
    /// Configuration problems with their settings named as the CLI reads them, environment variables
    /// (<c>ThousandEyes:BasicToken</c> → <c>ThousandEyes__BasicToken</c>).
    /// </summary>
    public static IEnumerable<string> AsEnvironmentVariables(IEnumerable<string> problems) =>
        problems.Select(problem => SettingName().Replace(problem, "$1__$2"));

    [GeneratedRegex(@"\b([A-Z][A-Za-z]+):([A-Z][A-Za-z]+)\b")]
    private static partial Regex SettingName();
}
