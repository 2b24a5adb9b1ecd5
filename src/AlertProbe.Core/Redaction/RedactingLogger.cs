using AlertProbe.ThousandEyes.Errors;
using Microsoft.Extensions.Logging;

namespace AlertProbe.Core.Redaction;

/// <summary>One category's logger behind <see cref="RedactingLoggerFactory"/>: redacts before it forwards.</summary>
internal sealed class RedactingLogger(ILogger inner) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull
        => inner.BeginScope(RedactedLogState.Of(state));

    public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        if (!inner.IsEnabled(logLevel))
        {
            return;
        }

        var redactedException = RedactedException.Of(exception);

        // The message is formatted from the original state and exception (as the provider would), then redacted whole:
        // a secret can be anywhere in it, including in values a structured field would not show.
        string Format(RedactedLogState _, Exception? __) => SecretRedactor.Redact(formatter(state, exception)) ?? string.Empty;
        inner.Log(logLevel, eventId, RedactedLogState.Of(state), redactedException, Format);
    }
}
