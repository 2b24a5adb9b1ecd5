using System.Text;
using AlertProbe.ThousandEyes.Errors;

namespace AlertProbe.Core.Redaction;

/// <summary>
/// A writer that passes every string through <see cref="SecretRedactor"/> before the inner writer sees it: put in
/// front of a command's standard output and error, it redacts all of that command's output at one place. Strings are
/// redacted per write call (console renderers and interpolated lines write whole segments); single characters pass
/// unchanged, since a lone character can be no secret.
/// </summary>
public sealed class RedactingTextWriter(TextWriter inner) : TextWriter
{
    public override Encoding Encoding => inner.Encoding;

    public override IFormatProvider FormatProvider => inner.FormatProvider;

    [System.Diagnostics.CodeAnalysis.AllowNull]
    public override string NewLine
    {
        get => inner.NewLine;
        set => inner.NewLine = value;
    }

    public override void Write(char value) => inner.Write(value);

    public override void Write(string? value) => inner.Write(SecretRedactor.Redact(value));

    public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

    public override void WriteLine(string? value) => inner.WriteLine(SecretRedactor.Redact(value));

    public override Task WriteAsync(char value) => inner.WriteAsync(value);

    public override Task WriteAsync(string? value) => inner.WriteAsync(SecretRedactor.Redact(value));

    public override Task WriteAsync(char[] buffer, int index, int count) => WriteAsync(new string(buffer, index, count));

    public override Task WriteLineAsync(string? value) => inner.WriteLineAsync(SecretRedactor.Redact(value));

    public override Task WriteLineAsync(char[] buffer, int index, int count) => WriteLineAsync(new string(buffer, index, count));

    public override Task WriteAsync(ReadOnlyMemory<char> buffer, CancellationToken cancellationToken = default)
        => inner.WriteAsync(SecretRedactor.Redact(buffer.ToString()).AsMemory(), cancellationToken);

    public override Task WriteLineAsync(ReadOnlyMemory<char> buffer, CancellationToken cancellationToken = default)
        => inner.WriteLineAsync(SecretRedactor.Redact(buffer.ToString()).AsMemory(), cancellationToken);

    public override void Write(ReadOnlySpan<char> buffer) => Write(buffer.ToString());

    public override void WriteLine(ReadOnlySpan<char> buffer) => WriteLine(buffer.ToString());

    public override void Flush() => inner.Flush();

    public override Task FlushAsync() => inner.FlushAsync();

    // The inner writer belongs to the caller (the process' console, or a test's StringWriter).
    protected override void Dispose(bool disposing)
    {
        Flush();
        base.Dispose(disposing);
    }
}
