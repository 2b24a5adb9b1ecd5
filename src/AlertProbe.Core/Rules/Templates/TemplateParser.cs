using System.Text;

namespace AlertProbe.Core.Rules.Templates;

/// <summary>
/// Parses <c>text {{ variable | helper "arg" }} text</c>. Deliberately tiny: one variable per expression,
/// a closed list of variables and helpers, string literals only as helper arguments.
/// </summary>
internal static class TemplateParser
{
    public static TemplateParseResult Parse(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var result = new List<TemplatePart>();
        var literal = new StringBuilder();
        var position = 0;
        while (position < source.Length)
        {
            var open = source.IndexOf("{{", position, StringComparison.Ordinal);
            if (open < 0)
            {
                literal.Append(source, position, source.Length - position);
                break;
            }

            literal.Append(source, position, open - position);
            var close = FindClose(source, open + 2);
            if (close < 0)
            {
                return TemplateParseResult.Invalid($"'{{{{' at position {open + 1} is never closed with '}}}}'");
            }

            if (literal.Length > 0)
            {
                result.Add(new TemplatePart(literal.ToString(), null));
                literal.Clear();
            }

            var body = source[(open + 2)..close];
            var expression = ParseExpression(body, out var error);
            if (expression is null)
            {
                var whole = open == 0 && close + 2 == source.Length;
                return TemplateParseResult.Invalid(whole ? error! : $"in '{{{{{body}}}}}': {error}");
            }

            result.Add(new TemplatePart(string.Empty, expression));
            position = close + 2;
        }

        if (literal.Length > 0 || result.Count == 0)
        {
            result.Add(new TemplatePart(literal.ToString(), null));
        }

        return TemplateParseResult.Success(new Template(source, result));
    }

    private static int FindClose(string source, int start)
    {
        var inString = false;
        for (var i = start; i < source.Length; i++)
        {
            var c = source[i];
            if (inString)
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == '"')
                {
                    inString = false;
                }
            }
            else if (c == '"')
            {
                inString = true;
            }
            else if (c == '}' && i + 1 < source.Length && source[i + 1] == '}')
            {
                return i;
            }
        }

        return -1;
    }

    private static TemplateExpression? ParseExpression(string body, out string? error)
    {
        var reader = new Reader(body);
        reader.SkipSpace();
        var root = reader.ReadIdentifier();
        if (root is null)
        {
            error = $"expected a variable ({TemplateVariable.KnownVariables})";
            return null;
        }

        string? member = null;
        if (reader.TryTake('.'))
        {
            member = reader.ReadMember();
            if (member is null)
            {
                error = $"expected a name after '{root}.'";
                return null;
            }
        }
        else if (reader.TryTake('['))
        {
            reader.SkipSpace();
            member = reader.ReadString(out error);
            if (member is null)
            {
                return null;
            }

            reader.SkipSpace();
            if (!reader.TryTake(']'))
            {
                error = $"expected ']' after {root}[\"{member}\"";
                return null;
            }
        }

        var variable = TemplateVariable.Find(root, member);
        if (variable is null)
        {
            var written = member is null ? root : $"{root}.{member}";
            error = $"unknown variable '{written}' (known: {TemplateVariable.KnownVariables})";
            return null;
        }

        var helpers = new List<TemplateHelper>();
        reader.SkipSpace();
        while (reader.TryTake('|'))
        {
            reader.SkipSpace();
            var name = reader.ReadIdentifier();
            if (name is null)
            {
                error = $"expected a helper name after '|' (known: {TemplateHelper.KnownHelpers})";
                return null;
            }

            if (!TemplateHelper.Exists(name))
            {
                error = $"unknown helper '{name}' (known: {TemplateHelper.KnownHelpers})";
                return null;
            }

            reader.SkipSpace();
            string? argument = null;
            if (TemplateHelper.TakesArgument(name))
            {
                argument = reader.ReadString(out error);
                if (argument is null)
                {
                    error = $"'{name}' needs a quoted value, e.g. {name} \"443\"";
                    return null;
                }

                reader.SkipSpace();
            }

            helpers.Add(new TemplateHelper(name, argument));
        }

        if (!reader.AtEnd)
        {
            error = $"unexpected '{reader.Rest.Trim()}'";
            return null;
        }

        error = null;
        return new TemplateExpression(body.Trim(), variable, helpers);
    }

    private sealed class Reader(string text)
    {
        private int position;

        public bool AtEnd => position >= text.Length;

        public string Rest => text[position..];

        public void SkipSpace()
        {
            while (position < text.Length && char.IsWhiteSpace(text[position]))
            {
                position++;
            }
        }

        public bool TryTake(char c)
        {
            if (position < text.Length && text[position] == c)
            {
                position++;
                return true;
            }

            return false;
        }

        public string? ReadIdentifier() => Read(static (c, first) => char.IsAsciiLetter(c) || c == '_' || (!first && char.IsAsciiDigit(c)));

        public string? ReadMember() => Read(static (c, _) => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.');

        public string? ReadString(out string? error)
        {
            if (!TryTake('"'))
            {
                error = "expected a string in double quotes";
                return null;
            }

            var value = new StringBuilder();
            while (position < text.Length)
            {
                var c = text[position++];
                if (c == '"')
                {
                    error = null;
                    return value.ToString();
                }

                if (c == '\\' && position < text.Length)
                {
                    c = text[position++];
                }

                value.Append(c);
            }

            error = "a string is not closed with '\"'";
            return null;
        }

        private string? Read(Func<char, bool, bool> accept)
        {
            var start = position;
            while (position < text.Length && accept(text[position], position == start))
            {
                position++;
            }

            return position > start ? text[start..position] : null;
        }
    }
}
