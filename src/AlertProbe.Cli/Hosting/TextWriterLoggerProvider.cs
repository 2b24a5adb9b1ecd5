using Microsoft.Extensions.Logging;

namespace AlertProbe.Cli.Hosting;

/// <summary>
/// Writes the handlers' logs as one line each to a writer (the CLI's standard error), so <c>--verbose</c> shows what
/// the Functions would log without mixing into machine output on standard output.
/// </summary>
internal sealed class TextWriterLoggerProvider(TextWriter writer, LogLevel minimumLevel) : ILoggerProvider
{
    private readonly Lock _gate = new();
    private readonly LogLevel _minimumLevel = minimumLevel;

    public ILogger CreateLogger(string categoryName) => new TextWriterLogger(this, ShortName(categoryName));

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
                // Unexpected failures only: their type and message, not the trace (that is a debugger's job).
                writer.WriteLine($"      {exception.GetType().Name}: {exception.Message}");
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

    private sealed class TextWriterLogger(TextWriterLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None && logLevel >= provider._minimumLevel;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            ArgumentNullException.ThrowIfNull(formatter);
            if (IsEnabled(logLevel))
            {
                provider.Write(logLevel, category, formatter(state, exception), exception);
            }
        }
    }
}
