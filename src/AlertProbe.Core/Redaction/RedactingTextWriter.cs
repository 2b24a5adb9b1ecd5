using System.Text;
using AlertProbe.ThousandEyes.Errors;

namespace AlertProbe.Core.Redaction;

/// <summary>
/// A writer that passes everything through <see cref="SecretRedactor"/> before the inner writer sees it: put in front
/// of a command's standard output and error, it redacts all of that command's output at one place. Text is held
/// until its line ends and the whole line is redacted, so a secret written in two parts (a renderer writing a value
/// character by character, a prefix and the rest) is still one string to the redactor. <see cref="Flush()"/> and
/// disposal write out (redacted) what is held of an unfinished line.
/// </summary>
public sealed class RedactingTextWriter(TextWriter inner) : TextWriter
{
    private readonly StringBuilder _line = new();
    private readonly Lock _gate = new();

    public override Encoding Encoding => inner.Encoding;

    public override IFormatProvider FormatProvider => inner.FormatProvider;

    [System.Diagnostics.CodeAnalysis.AllowNull]
    public override string NewLine
    {
        get => inner.NewLine;
        set => inner.NewLine = value;
    }

    public override void Write(char value) => Append(value.ToString());

    public override void Write(string? value) => Append(value);

    public override void Write(char[] buffer, int index, int count) => Append(new string(buffer, index, count));

    public override void Write(ReadOnlySpan<char> buffer) => Append(buffer.ToString());

    public override void WriteLine() => Append(NewLine);

    public override void WriteLine(string? value) => Append(value + NewLine);

    public override void WriteLine(ReadOnlySpan<char> buffer) => Append(buffer.ToString() + NewLine);

    public override Task WriteAsync(char value)
    {
        Write(value);
        return Task.CompletedTask;
    }

    public override Task WriteAsync(string? value)
    {
        Write(value);
        return Task.CompletedTask;
    }

    public override Task WriteAsync(char[] buffer, int index, int count)
    {
        Write(buffer, index, count);
        return Task.CompletedTask;
    }

    public override Task WriteAsync(ReadOnlyMemory<char> buffer, CancellationToken cancellationToken = default)
    {
        Write(buffer.Span);
        return Task.CompletedTask;
    }

    public override Task WriteLineAsync()
    {
        WriteLine();
        return Task.CompletedTask;
    }

    public override Task WriteLineAsync(string? value)
    {
        WriteLine(value);
        return Task.CompletedTask;
    }

    public override Task WriteLineAsync(char[] buffer, int index, int count)
    {
        WriteLine(new string(buffer, index, count));
        return Task.CompletedTask;
    }

    public override Task WriteLineAsync(ReadOnlyMemory<char> buffer, CancellationToken cancellationToken = default)
    {
        WriteLine(buffer.Span);
        return Task.CompletedTask;
    }

    public override void Flush()
    {
        lock (_gate)
        {
            Emit(_line.Length);
        }

        inner.Flush();
    }

    public override Task FlushAsync()
    {
        Flush();
        return Task.CompletedTask;
    }

    public override Task FlushAsync(CancellationToken cancellationToken)
    {
        Flush();
        return Task.CompletedTask;
    }

    // The inner writer belongs to the caller (the process' console, or a test's StringWriter).
    protected override void Dispose(bool disposing)
    {
        Flush();
        base.Dispose(disposing);
    }

    private void Append(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return;
        }

        lock (_gate)
        {
            _line.Append(text);
            var end = LastLineEnd();
            if (end >= 0)
            {
                Emit(end + 1);
            }
        }
    }

    private int LastLineEnd()
    {
        for (var i = _line.Length - 1; i >= 0; i--)
        {
            if (_line[i] == '\n')
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Writes the first <paramref name="length"/> held characters, redacted, and keeps the rest.</summary>
    private void Emit(int length)
    {
        if (length == 0)
        {
            return;
        }

        var text = _line.ToString(0, length);
        _line.Remove(0, length);
        inner.Write(SecretRedactor.Redact(text));
    }
}
