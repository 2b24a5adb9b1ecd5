using System.Collections;
using System.Globalization;
using AlertProbe.ThousandEyes.Errors;

namespace AlertProbe.Core.Redaction;

/// <summary>
/// A log entry's (or scope's) state as providers read it — the structured fields of <c>[LoggerMessage]</c> methods —
/// with every value redacted. A value whose text needs no redaction keeps its type (numbers stay numbers for the
/// exporters); one that does becomes its redacted text. <c>{OriginalFormat}</c>, the message template, is kept.
/// </summary>
internal sealed class RedactedLogState : IReadOnlyList<KeyValuePair<string, object?>>
{
    private const string OriginalFormat = "{OriginalFormat}";

    private readonly KeyValuePair<string, object?>[] _values;
    private readonly string _text;

    private RedactedLogState(KeyValuePair<string, object?>[] values, string text)
    {
        _values = values;
        _text = text;
    }

    public int Count => _values.Length;

    public KeyValuePair<string, object?> this[int index] => _values[index];

    public static RedactedLogState Of<TState>(TState state)
    {
        var values = state is IEnumerable<KeyValuePair<string, object?>> pairs
            ? pairs.Select(pair => pair.Key == OriginalFormat ? pair : new KeyValuePair<string, object?>(pair.Key, Redact(pair.Value))).ToArray()
            : [];
        return new RedactedLogState(values, SecretRedactor.Redact(Convert.ToString(state, CultureInfo.InvariantCulture)) ?? string.Empty);
    }

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, object?>>)_values).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>The state's own text, redacted (what a provider shows for a scope or a state without a formatter).</summary>
    public override string ToString() => _text;

    private static object? Redact(object? value)
    {
        switch (value)
        {
            case null or bool or int or long or double or decimal or float or short or byte or uint or ulong or Guid
                or DateTime or DateTimeOffset or TimeSpan or Enum:
                return value;
            case string text:
                return SecretRedactor.Redact(text);
            case IEnumerable sequence and not IFormattable:
                // Arrays and lists are shown item by item: judge them as that text.
                var joined = string.Join(", ", sequence.Cast<object?>().Select(item => Convert.ToString(item, CultureInfo.InvariantCulture)));
                var redactedItems = SecretRedactor.Redact(joined);
                return redactedItems == joined ? value : redactedItems;
            default:
                var shown = Convert.ToString(value, CultureInfo.InvariantCulture);
                var redacted = SecretRedactor.Redact(shown);
                return redacted == shown ? value : redacted;
        }
    }
}
