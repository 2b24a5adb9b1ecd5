using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.RegularExpressions;

namespace AlertProbe.Core.Rules;

/// <summary>
/// One matcher regex, fully anchored, matched only by the linear-time engine (<see cref="RegexOptions.NonBacktracking"/>:
/// no catastrophic backtracking on hostile label values). Building that engine costs about a millisecond and hundreds
/// of KiB per pattern, so a load does not build it for patterns it can prove the engine accepts (see
/// <see cref="IsPlain"/>): those are checked with the cheap backtracking parser and built on first use. Any other
/// pattern is built at load, so every refusal still surfaces there, with its file and line. One instance serves every
/// matcher of a rule set with the same pattern.
/// </summary>
internal sealed partial class RegexPattern
{
    /// <summary>The linear engine refuses patterns whose automaton exceeds 10,000 nodes; a plain pattern's size is bounded by its length.</summary>
    private const int PlainMaxLength = 1000;

    private static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(100);

    private readonly Lazy<Regex> linear;

    private RegexPattern(string pattern, Lazy<Regex> linear, bool matchesEmpty, string literalPrefix)
    {
        Pattern = pattern;
        this.linear = linear;
        MatchesEmpty = matchesEmpty;
        LiteralPrefix = literalPrefix;
    }

    public string Pattern { get; }

    /// <summary>Whether the empty string (an absent label) matches: when not, the label must be present.</summary>
    public bool MatchesEmpty { get; }

    /// <summary>Every matching value starts with this text (empty when no such prefix is known): what the rule index uses.</summary>
    public string LiteralPrefix { get; }

    /// <summary>Whether the linear-time engine has been built (at load, or by a first match).</summary>
    public bool IsBuilt => linear.IsValueCreated;

    /// <exception cref="RegexMatchTimeoutException">The match ran past the timeout.</exception>
    public bool IsMatch(string value) => linear.Value.IsMatch(value);

    public static bool TryCreate(string pattern, [NotNullWhen(true)] out RegexPattern? created, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        created = null;
        var anchored = $"^(?:{pattern})$";
        bool matchesEmpty;
        try
        {
            // The backtracking parser reports syntax errors exactly as the linear engine's would, at a fraction of its cost.
            var parsed = new Regex(anchored, RegexOptions.CultureInvariant, MatchTimeout);
            matchesEmpty = MatchesEmptyString(parsed);
        }
        catch (ArgumentException exception)
        {
            error = $"invalid regular expression: {exception.Message}";
            return false;
        }

        Lazy<Regex> linear;
        if (IsPlain(pattern))
        {
            linear = new Lazy<Regex>(() => BuildLinear(anchored), LazyThreadSafetyMode.ExecutionAndPublication);
        }
        else
        {
            try
            {
                var built = BuildLinear(anchored);
                linear = new Lazy<Regex>(() => built);
                _ = linear.Value;
            }
            catch (NotSupportedException exception)
            {
                // The linear-time engine refuses two different things with one exception type: constructs it cannot run
                // (look-around, back-references, atomic groups, conditionals) and patterns whose automaton would be too
                // large (nested or huge repetition counts). Without those constructs in the text, it is the size.
                error = UnsupportedConstruct().IsMatch(pattern)
                    ? $"regular expression uses a construct that is not supported (no look-around or back-references): {exception.Message}"
                    : $"regular expression is too large for linear-time matching (reduce repetition counts such as {{1000}} or their nesting): {exception.Message}";
                return false;
            }
        }

        created = new RegexPattern(pattern, linear, matchesEmpty, LiteralPrefixOf(pattern));
        error = null;
        return true;
    }

    /// <summary>
    /// True for patterns made only of what the linear engine always accepts, below the size it refuses: literal
    /// characters, the escapes <c>\d \w \s</c> (and negations), <c>\n \t</c> and escaped punctuation, <c>.</c>,
    /// classes of those, plain and non-capturing groups, alternation and the quantifiers <c>* + ?</c> (lazy too). No
    /// <c>{n}</c> (repetition counts multiply the automaton), no other <c>(?…)</c> construct, no other escape.
    /// </summary>
    internal static bool IsPlain(string pattern)
    {
        if (pattern.Length > PlainMaxLength)
        {
            return false;
        }

        var inClass = false;
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\')
            {
                if (i + 1 >= pattern.Length || !IsPlainEscape(pattern[i + 1]))
                {
                    return false;
                }

                i++;
                continue;
            }

            if (inClass)
            {
                if (c == '[')
                {
                    // Class subtraction or a nested class: not plain.
                    return false;
                }

                inClass = c != ']';
                continue;
            }

            switch (c)
            {
                case '{' or '}':
                    return false;
                case '[':
                    inClass = true;
                    if (i + 1 < pattern.Length && pattern[i + 1] == '^')
                    {
                        i++;
                    }

                    if (i + 1 < pattern.Length && pattern[i + 1] == ']')
                    {
                        // "[]…]" or "[^]…]": a leading ']' is a literal member.
                        i++;
                    }

                    break;
                case '(' when i + 1 < pattern.Length && pattern[i + 1] == '?':
                    if (i + 2 >= pattern.Length || pattern[i + 2] != ':')
                    {
                        return false;
                    }

                    i += 2;
                    break;
            }
        }

        return !inClass;
    }

    private static bool IsPlainEscape(char c) => c is 'd' or 'D' or 'w' or 'W' or 's' or 'S' or 'n' or 't'
        || (char.IsAsciiLetterOrDigit(c) is false && c < 128 && !char.IsControl(c) && c != ' ');

    /// <summary>
    /// The literal text every match must start with: the leading run of literal characters (escaped punctuation
    /// included), minus a last one a quantifier makes optional; empty when the pattern has an alternation at its top
    /// level (<c>a|b</c>: either branch may match) or starts with anything else.
    /// </summary>
    internal static string LiteralPrefixOf(string pattern)
    {
        if (HasTopLevelAlternation(pattern))
        {
            return string.Empty;
        }

        var prefix = new StringBuilder();
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            char literal;
            var width = 1;
            if (c == '\\' && i + 1 < pattern.Length && IsEscapedPunctuation(pattern[i + 1]))
            {
                literal = pattern[i + 1];
                width = 2;
            }
            else if (c is '\\' or '.' or '[' or ']' or '(' or ')' or '|' or '^' or '$' or '*' or '+' or '?' or '{' or '}' or '#' || char.IsWhiteSpace(c))
            {
                // '#' and white space: not literal under an inline (?x) that a later part cannot bring back, but kept out anyway.
                break;
            }
            else
            {
                literal = c;
            }

            var next = i + width < pattern.Length ? pattern[i + width] : '\0';
            if (next is '*' or '+' or '?' or '{')
            {
                // "ab?" : b may be absent; "ab+" : b is there but what follows is not known, so stop before b either way.
                break;
            }

            prefix.Append(literal);
            i += width - 1;
        }

        return prefix.ToString();
    }

    private static bool IsEscapedPunctuation(char c) => c < 128 && char.IsPunctuation(c) || c is '$' or '^' or '+' or '|' or '=' or '<' or '>' or '~' or '`';

    private static bool HasTopLevelAlternation(string pattern)
    {
        var depth = 0;
        var inClass = false;
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\')
            {
                i++;
                continue;
            }

            if (inClass)
            {
                inClass = c != ']';
                continue;
            }

            switch (c)
            {
                case '[':
                    inClass = true;
                    if (i + 1 < pattern.Length && pattern[i + 1] == '^')
                    {
                        i++;
                    }

                    if (i + 1 < pattern.Length && pattern[i + 1] == ']')
                    {
                        i++;
                    }

                    break;
                case '(':
                    depth++;
                    break;
                case ')':
                    depth--;
                    break;
                case '|' when depth == 0:
                    return true;
            }
        }

        return false;
    }

    private static bool MatchesEmptyString(Regex parsed)
    {
        try
        {
            return parsed.IsMatch(string.Empty);
        }
        catch (RegexMatchTimeoutException)
        {
            // Not known: treat as matching the empty string, which only makes the index less selective.
            return true;
        }
    }

    private static Regex BuildLinear(string anchored) =>
        new(anchored, RegexOptions.CultureInvariant | RegexOptions.NonBacktracking, MatchTimeout);

    // Look-around, named or numbered back-references, atomic groups and conditionals: what NonBacktracking cannot run.
    [GeneratedRegex(@"\(\?(?:[=!>(]|<[=!])|\\(?:[1-9]|k<|k')", RegexOptions.CultureInvariant)]
    private static partial Regex UnsupportedConstruct();
}
