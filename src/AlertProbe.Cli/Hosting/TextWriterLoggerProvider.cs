using Microsoft.Extensions.Logging;

namespace AlertProbe.Cli.Hosting;

/// <summary>
/// Writes the handlers' logs as one line each to a writer (the CLI's standard error), as <see cref="LogDisplay"/>
/// says, so <c>--verbose</c> shows what the Functions would log without mixing into machine output on standard
/// output. Every logged exception, shown or not, is recorded in <see cref="FailureCauses"/>.
/// </summary>
internal sealed class TextWriterLoggerProvider(TextWriter writer, LogDisplay display, FailureCauses? causes = null) : ILoggerProvider
{
    private readonly Lock _gate = new();
    private readonly LogDisplay _display = display;
    private readonly FailureCauses? _causes = causes;

    public ILogger CreateLogger(string categoryName) => new TextWriterLogger(this, categoryName, ShortName(categoryName));

    public void Dispose()
    {
    }

    private static string ShortName(string category)
    {
        var dot = category.LastIndexOf('.');
        return dot < 0 ? category : category[(dot + 1)..];
    }

    private void Write(LogLevel level, string category, string message, Exception? exception)
    {
        var line = $"{Label(level)}: {category}: {message}";
        lock (_gate)
        {
            writer.WriteLine(line);
            if (exception is not null && level >= LogLevel.Error)
            {
                // The root cause in one line, never the trace (that is a debugger's job).
                writer.WriteLine($"      {exception.GetType().Name}: {ExceptionCause.Describe(exception)}");
            }
        }
    }

    private static string Label(LogLevel level) => level switch
    {
        LogLevel.Trace => "trce",
        LogLevel.Debug => "dbug",
        LogLevel.Information => "info",
        LogLevel.Warning => "warn",
        LogLevel.Error => "fail",
        _ => "crit",
    };

    private sealed class TextWriterLogger(TextWriterLoggerProvider provider, string category, string shortName) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) =>
            logLevel != LogLevel.None && (provider._display.Shows(category, logLevel) || (provider._causes is not null && logLevel >= LogLevel.Warning));

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            ArgumentNullException.ThrowIfNull(formatter);
            if (exception is not null)
            {
                provider._causes?.Record(exception);
            }

            if (provider._display.Shows(category, logLevel))
            {
                provider.Write(logLevel, shortName, formatter(state, exception), exception);
            }
        }
    }
}
