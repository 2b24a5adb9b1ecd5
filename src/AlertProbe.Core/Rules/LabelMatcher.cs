using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.RegularExpressions;
using AlertProbe.Core.Alerts;

namespace AlertProbe.Core.Rules;

/// <summary>
/// A Prometheus-style matcher such as <c>service="checkout"</c>, <c>env!="dev"</c>, <c>instance=~"https?://.*"</c>.
/// The name picks the value: a bare name or <c>labels.x</c> reads <see cref="Alert.Labels"/>,
/// <c>customProperties.x</c> reads <see cref="Alert.CustomProperties"/>, <c>annotations.x</c> reads
/// <see cref="Alert.Annotations"/>, <c>alert.name</c> the alert's name. As in Prometheus a missing value is
/// the empty string, so <c>x!="a"</c> and <c>x=""</c> match when x is absent. Regexes are fully anchored and
/// run without backtracking (linear time, RE2-like: no look-around, no back-references) under a timeout.
/// </summary>
public sealed class LabelMatcher
{
    private readonly RegexPattern? pattern;
    private readonly Func<Alert, string?> read;

    private LabelMatcher(string source, string name, LabelMatchOperator op, string value, RegexPattern? pattern, string field, Func<Alert, string?> read)
    {
        Source = source;
        Name = name;
        Operator = op;
        Value = value;
        Field = field;
        this.pattern = pattern;
        this.read = read;
    }

    /// <summary>The matcher as written.</summary>
    public string Source { get; }

    /// <summary>The name as written, prefix included (e.g. "customProperties.probeUrl").</summary>
    public string Name { get; }

    public LabelMatchOperator Operator { get; }

    /// <summary>The regex (one instance for every matcher of the rule set with the same pattern); null for = and !=.</summary>
    internal RegexPattern? Pattern => pattern;

    /// <summary>The value read, named canonically: "labels.x" for both <c>x</c> and <c>labels.x</c>; the rule index's key.</summary>
    internal string Field { get; }

    /// <summary>The value this matcher looks at, or null when the alert does not carry it.</summary>
    internal string? Read(Alert alert) => read(alert);

    public string Value { get; }

    public bool Matches(Alert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var actual = read(alert) ?? string.Empty;
        return Operator switch
        {
            LabelMatchOperator.Equal => string.Equals(actual, Value, StringComparison.Ordinal),
            LabelMatchOperator.NotEqual => !string.Equals(actual, Value, StringComparison.Ordinal),
            LabelMatchOperator.Regex => IsRegexMatch(actual) == true,
            LabelMatchOperator.NotRegex => IsRegexMatch(actual) == false,
            _ => false,
        };
    }

    /// <summary>Null when the regex timed out: then neither <c>=~</c> nor <c>!~</c> matches (no test is better than a wrong one).</summary>
    private bool? IsRegexMatch(string actual)
    {
        try
        {
            return pattern!.IsMatch(actual);
        }
        catch (RegexMatchTimeoutException)
        {
            return null;
        }
    }

    public static bool TryParse(string text, [NotNullWhen(true)] out LabelMatcher? matcher, [NotNullWhen(false)] out string? error) =>
        TryParse(text, patterns: null, out matcher, out error);

    /// <param name="patterns">Regexes already built for this rule set, by pattern: a pattern written twice is built once.</param>
    internal static bool TryParse(string text, Dictionary<string, RegexPattern>? patterns, [NotNullWhen(true)] out LabelMatcher? matcher, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        matcher = null;
        var position = 0;
        while (position < text.Length && char.IsWhiteSpace(text[position]))
        {
            position++;
        }

        var nameStart = position;
        while (position < text.Length && (char.IsAsciiLetterOrDigit(text[position]) || text[position] is '_' or '.' or '-' or '/' or ':'))
        {
            position++;
        }

        var name = text[nameStart..position];
        if (name.Length == 0)
        {
            error = $"matcher '{text}' has no name; write it like service=\"checkout\"";
            return false;
        }

        while (position < text.Length && char.IsWhiteSpace(text[position]))
        {
            position++;
        }

        var rest = text[position..];
        LabelMatchOperator op;
        if (rest.StartsWith("=~", StringComparison.Ordinal)) { op = LabelMatchOperator.Regex; position += 2; }
        else if (rest.StartsWith("!~", StringComparison.Ordinal)) { op = LabelMatchOperator.NotRegex; position += 2; }
        else if (rest.StartsWith("!=", StringComparison.Ordinal)) { op = LabelMatchOperator.NotEqual; position += 2; }
        else if (rest.StartsWith('=')) { op = LabelMatchOperator.Equal; position += 1; }
        else
        {
            error = $"matcher '{text}' needs one of =, !=, =~, !~ after '{name}'";
            return false;
        }

        while (position < text.Length && char.IsWhiteSpace(text[position]))
        {
            position++;
        }

        if (!TryReadQuoted(text, ref position, out var value, out error))
        {
            error = $"matcher '{text}': {error}";
            return false;
        }

        while (position < text.Length && char.IsWhiteSpace(text[position]))
        {
            position++;
        }

        if (position != text.Length)
        {
            error = $"matcher '{text}' has unexpected text after the value: '{text[position..]}'";
            return false;
        }

        var read = Reader(name);
        if (read is null)
        {
            error = $"matcher '{text}': '{name}' has an empty name after its prefix";
            return false;
        }

        RegexPattern? pattern = null;
        if (op is LabelMatchOperator.Regex or LabelMatchOperator.NotRegex && !(patterns?.TryGetValue(value, out pattern) ?? false))
        {
            if (!RegexPattern.TryCreate(value, out pattern, out var regexError))
            {
                error = $"matcher '{text}': {regexError}";
                return false;
            }

            patterns?.Add(value, pattern);
        }

        matcher = new LabelMatcher(text.Trim(), name, op, value, pattern, FieldOf(name), read);
        error = null;
        return true;
    }

    private static string FieldOf(string name) =>
        name.StartsWith("labels.", StringComparison.Ordinal) || name.StartsWith("customProperties.", StringComparison.Ordinal)
            || name.StartsWith("annotations.", StringComparison.Ordinal) || name == "alert.name"
            ? name
            : "labels." + name;

    private static Func<Alert, string?>? Reader(string name)
    {
        static Func<Alert, string?>? FromMap(string key, Func<Alert, IReadOnlyDictionary<string, string>> map) =>
            key.Length == 0 ? null : alert => map(alert).TryGetValue(key, out var value) ? value : null;

        if (name.StartsWith("labels.", StringComparison.Ordinal))
        {
            return FromMap(name["labels.".Length..], alert => alert.Labels);
        }

        if (name.StartsWith("customProperties.", StringComparison.Ordinal))
        {
            return FromMap(name["customProperties.".Length..], alert => alert.CustomProperties);
        }

        if (name.StartsWith("annotations.", StringComparison.Ordinal))
        {
            return FromMap(name["annotations.".Length..], alert => alert.Annotations);
        }

        if (name == "alert.name")
        {
            return alert => alert.Name;
        }

        return FromMap(name, alert => alert.Labels);
    }

    private static bool TryReadQuoted(string text, ref int position, out string value, out string? error)
    {
        value = string.Empty;
        if (position >= text.Length || text[position] is not ('"' or '\''))
        {
            error = "the value must be quoted, e.g. \"checkout\"";
            return false;
        }

        var quote = text[position++];
        var builder = new StringBuilder();
        while (position < text.Length)
        {
            var c = text[position++];
            if (c == quote)
            {
                value = builder.ToString();
                error = null;
                return true;
            }

            if (c == '\\' && position < text.Length)
            {
                // Only quote, backslash, \n and \t are escapes; "\." stays "\." so regexes read naturally.
                var escaped = text[position++];
                switch (escaped)
                {
                    case 'n': builder.Append('\n'); break;
                    case 't': builder.Append('\t'); break;
                    case '"' or '\'' or '\\': builder.Append(escaped); break;
                    default: builder.Append('\\').Append(escaped); break;
                }

                continue;
            }

            builder.Append(c);
        }

        error = $"the value is not closed with {quote}";
        return false;
    }

    public override string ToString() => Source;
}
