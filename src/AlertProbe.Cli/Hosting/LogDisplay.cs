using Microsoft.Extensions.Logging;

namespace AlertProbe.Cli.Hosting;

/// <summary>
/// Which logs a command shows on standard error: the handlers' (AlertProbe's) from <see cref="Own"/> up, the
/// ThousandEyes client's from <see cref="Client"/> up, the libraries' (Polly, HttpClient, Azure SDK) from
/// <see cref="Libraries"/> up. Retry chatter appears only with <c>--verbose</c>; the summary names the cause anyway.
/// </summary>
internal sealed record LogDisplay(LogLevel Own, LogLevel Client, LogLevel Libraries)
{
    private const string OwnPrefix = "AlertProbe.";
    private const string ClientPrefix = "AlertProbe.ThousandEyes.";

    /// <summary>The handlers' warnings and the client's errors; with <c>--verbose</c> all of AlertProbe's information and the libraries' warnings.</summary>
    public static LogDisplay For(bool verbose) =>
        verbose ? new(LogLevel.Information, LogLevel.Information, LogLevel.Warning) : new(LogLevel.Warning, LogLevel.Error, LogLevel.None);

    /// <summary>Nothing unless <c>--verbose</c> (the command's one-line summary says it all, e.g. <c>send</c>).</summary>
    public static LogDisplay Quiet(bool verbose) => verbose ? For(true) : new(LogLevel.None, LogLevel.None, LogLevel.None);

    /// <summary>What logging passes on at all: warnings always (their exceptions are the failure causes), more when shown.</summary>
    public LogLevel Minimum => (LogLevel)Math.Min((int)LogLevel.Warning, Math.Min((int)Own, Math.Min((int)Client, (int)Libraries)));

    public bool Shows(string category, LogLevel level)
    {
        ArgumentNullException.ThrowIfNull(category);
        var threshold = category.StartsWith(ClientPrefix, StringComparison.Ordinal) ? Client
            : category.StartsWith(OwnPrefix, StringComparison.Ordinal) ? Own
            : Libraries;
        return level != LogLevel.None && level >= threshold;
    }
}
