using AlertProbe.ThousandEyes.Errors;

namespace AlertProbe.Core.Redaction;

/// <summary>
/// Stands in for a logged exception whose messages (its own or an inner one's) carry a secret: the same chain, each
/// message redacted, the original stack trace kept, <see cref="ToString"/> the original's text redacted (it names the
/// original type first). Providers read messages off the object they are given, so only a substitute can keep a
/// secret out of them. An exception with nothing to redact is passed on unchanged, type and all.
/// </summary>
public sealed class RedactedException : Exception
{
    private readonly string? _stackTrace;
    private readonly string _text;

    public RedactedException()
        : this("An exception whose text was redacted.")
    {
    }

    public RedactedException(string message)
        : base(message)
    {
        OriginalType = nameof(Exception);
        _text = message;
    }

    public RedactedException(string message, Exception innerException)
        : base(message, innerException)
    {
        OriginalType = nameof(Exception);
        _text = message;
    }

    private RedactedException(Exception original, Exception? inner)
        : base(SecretRedactor.Redact(original.Message), inner)
    {
        OriginalType = original.GetType().FullName ?? original.GetType().Name;
        HResult = original.HResult;
        Source = original.Source;
        _stackTrace = original.StackTrace;
        _text = SecretRedactor.Redact(original.ToString()) ?? OriginalType;
    }

    /// <summary>The full name of the exception type this stands in for.</summary>
    public string OriginalType { get; }

    public override string? StackTrace => _stackTrace ?? base.StackTrace;

    /// <summary>The exception to log: <paramref name="exception"/> itself when its text needs no redaction, else a redacted stand-in.</summary>
    public static Exception? Of(Exception? exception)
    {
        if (exception is null || exception is RedactedException)
        {
            return exception;
        }

        var text = exception.ToString();
        return SecretRedactor.Redact(text) == text ? exception : Substitute(exception);
    }

    public override string ToString() => _text;

    private static RedactedException Substitute(Exception original)
    {
        var inner = original is AggregateException { InnerExceptions.Count: > 0 } aggregate ? aggregate.InnerExceptions[0] : original.InnerException;
        return new RedactedException(original, inner is null ? null : Substitute(inner));
    }
}
